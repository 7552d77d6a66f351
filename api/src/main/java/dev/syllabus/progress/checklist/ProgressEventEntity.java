package dev.syllabus.progress.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The history of checklist changes: who changed what, when. Written, never updated. */
@Entity(name = "ProgressEvent")
@Table(name = "progress_event")
public class ProgressEventEntity extends PanacheEntity {

    @Column(name = "course_id", nullable = false)
    public long courseId;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "item_id", nullable = false, length = 60)
    public String itemId;

    @Column(nullable = false, length = 20)
    public String action;

    @Column(name = "evidence_url", length = 2000)
    public String evidenceUrl;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 500)
    public String note;

    /** Appends one entry to the history. */
    public static void record(
            long courseId, long accountId, String itemId, String action, String evidenceUrl, Long actorId, Instant at) {
        record(courseId, accountId, itemId, action, evidenceUrl, actorId, at, null);
    }

    /** Appends one entry to the history, with the note its author gave (or null). */
    public static void record(
            long courseId,
            long accountId,
            String itemId,
            String action,
            String evidenceUrl,
            Long actorId,
            Instant at,
            String note) {
        ProgressEventEntity event = new ProgressEventEntity();
        event.courseId = courseId;
        event.accountId = accountId;
        event.itemId = itemId;
        event.action = action;
        event.evidenceUrl = evidenceUrl;
        event.actorId = actorId;
        event.at = at;
        event.note = note;
        event.persist();
    }
}
