package dev.syllabus.course;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A course as stored: one row per slug; its content version says which import it holds. */
@Entity(name = "Course")
public class CourseEntity extends PanacheEntity {

    static final int JSON_LENGTH = 1_000_000;

    @Column(unique = true, length = 100)
    public String slug;

    @Column(length = 300)
    public String title;

    @Column(length = 2000)
    public String description;

    @Column(length = 64)
    public String version;

    @Column(length = 1000)
    public String origin;

    public Instant importedAt;

    @Column(length = JSON_LENGTH)
    public String principles;

    @Column(length = JSON_LENGTH)
    public String links;

    @Column(length = JSON_LENGTH)
    public String tools;

    @Column(length = JSON_LENGTH)
    public String homeworkRules;

    @Column(length = JSON_LENGTH)
    public String sections;

    /** What counts as GitHub evidence (course.toml's [evidence]), as JSON; null before V6. */
    @Column(length = 20_000)
    public String evidencePolicy;

    /** The course's timetable rules (course.toml's [schedule]), as JSON; null before V7. */
    @Column(length = 2_000)
    public String schedule;

    /** Digest of the content files last imported; an upload leaves it alone (see V3 migration). */
    @Column(length = 64)
    public String sourceVersion;

    /** What students type to join; set by an instructor, kept across content imports. */
    @Column(length = 64)
    public String joinCode;

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    public List<WeekEntity> weeks = new ArrayList<>();

    static Optional<CourseEntity> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Slug to imported content version, for those of the courses named that have a run. */
    static Map<String, String> importedVersions(Collection<String> slugs) {
        return getEntityManager()
                .createQuery(
                        "select c.slug, c.sourceVersion from Course c where c.slug in :slugs and c.sourceVersion is not null"
                                + " and exists (select 1 from CourseRun r where r.courseId = c.id)",
                        Object[].class)
                .setParameter("slugs", slugs)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    /** The course row, locked for the rest of the transaction so that concurrent imports take turns. */
    static Optional<CourseEntity> findForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
