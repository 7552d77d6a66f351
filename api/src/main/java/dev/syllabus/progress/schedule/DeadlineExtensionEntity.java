package dev.syllabus.progress.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** A deadline an instructor moved for one student and one homework. */
@Entity(name = "DeadlineExtension")
@Table(name = "deadline_extension")
public class DeadlineExtensionEntity extends PanacheEntity {

    @Column(name = "course_id", nullable = false)
    public long courseId;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "homework_code", nullable = false, length = 20)
    public String homeworkCode;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "granted_by")
    public Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** One student's extended deadlines, by homework code. */
    public static Map<String, Instant> of(long courseId, long accountId) {
        return DeadlineExtensionEntity.<DeadlineExtensionEntity>list(
                        "courseId = ?1 and accountId = ?2", courseId, accountId)
                .stream()
                .collect(Collectors.toMap(e -> e.homeworkCode, e -> e.dueAt));
    }

    /** Every student's extended deadlines in a course: account id, then homework code. */
    public static Map<Long, Map<String, Instant>> ofCourse(long courseId) {
        return DeadlineExtensionEntity.<DeadlineExtensionEntity>list("courseId", courseId).stream()
                .collect(Collectors.groupingBy(e -> e.accountId, Collectors.toMap(e -> e.homeworkCode, e -> e.dueAt)));
    }
}
