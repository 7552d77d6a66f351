package dev.syllabus.progress.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An instructor's decision on one student's homework. The latest one counts. */
@Entity(name = "Review")
@Table(name = "review")
public class ReviewEntity extends PanacheEntity {

    public enum Decision {
        APPROVED,
        CHANGES_REQUESTED
    }

    @Column(name = "course_id", nullable = false)
    public long courseId;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "homework_code", nullable = false, length = 20)
    public String homeworkCode;

    @Column(name = "reviewer_id")
    public Long reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Decision decision;

    @Column(length = 5000)
    public String comment;

    @Column(nullable = false)
    public Instant at;
}
