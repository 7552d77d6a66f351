package dev.syllabus.progress;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One student's state of one checklist item; {@code version} counts its changes, for If-Match. */
@Entity(name = "Progress")
@Table(name = "progress")
public class ProgressEntity extends PanacheEntity {

    @Column(name = "course_id", nullable = false)
    public long courseId;
    @Column(name = "account_id", nullable = false)
    public long accountId;
    @Column(name = "item_id", nullable = false, length = 60)
    public String itemId;
    @Column(nullable = false)
    public boolean done;
    @Column(name = "evidence_url", length = 2000)
    public String evidenceUrl;
    @Column(nullable = false)
    public int version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by")
    public Long updatedBy;
    /** When the item was done: the merge time GitHub reports for a pull request, else the tick's; null while not done. */
    @Column(name = "completed_at")
    public Instant completedAt;
    /** Who vouches for the current state: the student, GitHub (a delivery proved it) or an instructor. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Source source = Source.STUDENT;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TickSource",
            description = "Who vouches for a tick: STUDENT (self-reported), GITHUB (a webhook delivery proved it) or INSTRUCTOR")
    public enum Source { STUDENT, GITHUB, INSTRUCTOR }
}
