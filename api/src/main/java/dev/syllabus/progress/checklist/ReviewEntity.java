package dev.syllabus.progress.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;

/** An instructor's decision on one student's homework. The latest one counts. */
@Entity(name = "Review")
public class ReviewEntity extends PanacheEntity {

    public enum Decision {
        APPROVED,
        CHANGES_REQUESTED
    }

    public long courseId;

    public long accountId;

    @Column(length = 20)
    public String homeworkCode;

    public Long reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Decision decision;

    @Column(length = 5000)
    public String comment;

    public Instant at;

    /** A student's reviews in a course, oldest first. */
    public static List<ReviewEntity> ofStudent(long courseId, long accountId) {
        return list("courseId = ?1 and accountId = ?2 order by at", courseId, accountId);
    }
}
