package dev.syllabus.course;

import dev.syllabus.content.Run;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One offering of a course to one cohort: its dates, its time zone and its join code. */
@Entity(name = "CourseRun")
public class CourseRunEntity extends PanacheEntity {

    public long courseId;

    @Column(length = 40)
    public String name;

    @Column(length = 200)
    public String title;

    public LocalDate startsOn;

    @Column(length = 64)
    public String timeZone;
    /** What students type to join this run; set by an instructor. */
    @Column(length = 64)
    public String joinCode;

    public Instant createdAt;

    public Run dates() {
        return new Run(name, title, startsOn, timeZone);
    }

    /** A course's runs, earliest start first. */
    public static List<CourseRunEntity> ofCourse(long courseId) {
        return list("courseId = ?1 order by startsOn, id", courseId);
    }

    public static Optional<CourseRunEntity> byName(long courseId, String name) {
        return find("courseId = ?1 and name = ?2", courseId, name).firstResultOptional();
    }

    /** Whether the course has any run. */
    public static boolean anyFor(long courseId) {
        return count("courseId", courseId) > 0;
    }
}
