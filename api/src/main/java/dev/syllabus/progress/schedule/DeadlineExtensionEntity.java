package dev.syllabus.progress.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** A deadline an instructor moved for one student and one homework. */
@Entity(name = "DeadlineExtension")
public class DeadlineExtensionEntity extends PanacheEntity {

    public long courseId;

    public long accountId;

    @Column(length = 20)
    public String homeworkCode;

    public Instant dueAt;

    public Long grantedBy;

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
