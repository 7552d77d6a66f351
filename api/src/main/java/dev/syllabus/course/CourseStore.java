package dev.syllabus.course;

import dev.syllabus.content.Course;
import dev.syllabus.content.Run;
import dev.syllabus.content.Schedule;
import dev.syllabus.domain.DomainException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Writes imported courses to the database and reads them back for the read model. */
@ApplicationScoped
public class CourseStore {

    private static final Logger LOG = Logger.getLogger(CourseStore.class);
    static final String FIRST_RUN = "first";

    /**
     * Fired in the transaction that stores new content of a course (observers write in it too: the
     * outbound {@code course.published} event).
     */
    public record Published(long courseId, String slug, String title, String version) {}

    private final CurriculumMapper mapper;
    private final EntityManager entityManager;
    private final Event<Published> published;

    CourseStore(CurriculumMapper mapper, EntityManager entityManager, Event<Published> published) {
        this.mapper = mapper;
        this.entityManager = entityManager;
        this.published = published;
    }

    /**
     * Stores {@code course}, read from content files (its version is their digest), unless those
     * files were imported already. A changed course replaces the old one in a single transaction,
     * so readers see either the old course or the new one, never a mix.
     *
     * @return whether anything was written
     */
    @Transactional
    public boolean save(Course course, String origin) {
        CourseEntity row = CourseEntity.findForUpdate(course.slug()).orElse(null);
        if (row != null && course.version().equals(row.sourceVersion)) {
            LOG.debugf("Course %s is unchanged at version %s", course.slug(), course.version());
            // A database from before runs existed gets its first run even when the content is unchanged.
            ensureRun(row, course.schedule());
            return false;
        }
        row = replace(row, course, origin);
        row.sourceVersion = course.version();
        ensureRun(row, course.schedule());
        published.fire(new Published(row.id, course.slug(), course.title(), course.version()));
        LOG.infof("Imported course %s at version %s from %s", course.slug(), course.version(), origin);
        return true;
    }

    /**
     * Replaces an existing course with uploaded content, in one transaction; false when there is no
     * such course. The course's row stays locked from the moment its version is compared with what
     * the uploader based the upload on ({@code basedOn}) until the new one is stored, so of two
     * uploads based on one version only the first is published: the second is refused as stale.
     */
    @Transactional
    public boolean upload(Course course, Predicate<String> basedOn) {
        CourseEntity row = CourseEntity.findForUpdate(course.slug()).orElse(null);
        if (row == null) {
            return false;
        }
        if (!basedOn.test(row.version)) {
            throw DomainException.stale("Course '" + course.slug() + "' is now at version " + row.version
                    + ", not the one the upload was based on: someone published since. Nothing was published;"
                    + " load the course again, or publish without naming a version to replace it anyway.");
        }
        replace(row, course, "upload");
        ensureRun(row, course.schedule());
        published.fire(new Published(row.id, course.slug(), course.title(), course.version()));
        LOG.infof("Course %s replaced by an upload, now at version %s", course.slug(), course.version());
        return true;
    }

    private CourseEntity replace(CourseEntity existing, Course course, String origin) {
        CourseEntity row = existing == null ? new CourseEntity() : existing;
        if (existing != null) {
            // Remove the old weeks before inserting new ones: Hibernate inserts before it deletes orphans.
            row.weeks.clear();
            entityManager.flush();
        }
        mapper.fill(row, course, origin);
        row.persist();
        return row;
    }

    /**
     * A course always has a run to take its dates from: the first one starts where the content says
     * (course.toml's schedule.start) or on this week's Monday. A course that was imported before runs
     * existed also gets its join code and its students placed in it.
     */
    private void ensureRun(CourseEntity course, Schedule schedule) {
        if (CourseRunEntity.anyFor(course.id)) {
            return;
        }
        ZoneId zone = ZoneId.of(schedule.timeZone());
        CourseRunEntity run = new CourseRunEntity();
        run.courseId = course.id;
        run.name = FIRST_RUN;
        run.title = "First run";
        run.startsOn = schedule.firstRunStart() != null
                ? schedule.firstRunStart()
                : LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        run.timeZone = zone.getId();
        run.joinCode = course.joinCode;
        run.createdAt = Instant.now();
        run.persist();
        entityManager.flush();
        // Enrolments from before V7 belong to the course's only run.
        entityManager
                .createNativeQuery("update enrollment set run_id = ?1 where course_id = ?2 and run_id is null")
                .setParameter(1, run.id)
                .setParameter(2, course.id)
                .executeUpdate();
        LOG.infof("Course %s: first run starts %s (%s)", course.slug, run.startsOn, run.timeZone);
    }

    /**
     * Every stored course's slug and what the read model must match for it: its content version and
     * its current run's dates (which move when an instructor edits the run, or a new run starts).
     */
    @Transactional
    public Map<String, String> versions() {
        List<Object[]> rows = entityManager
                .createQuery("select c.id, c.slug, c.version from Course c", Object[].class)
                .getResultList();
        Map<Long, List<Run>> runs = runsByCourse();
        Instant now = Instant.now();
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> (String) r[1],
                        r -> served(
                                (String) r[2],
                                CurrentRunRule.current(runs.getOrDefault((Long) r[0], List.of()), now)
                                        .orElse(null))));
    }

    /**
     * Whether every course named holds the content of that digest (its files' version) and has its
     * first run already, so that a start has nothing to import.
     */
    @Transactional
    public boolean holdsImported(Map<String, String> digests) {
        return digests.equals(CourseEntity.importedVersions(digests.keySet()));
    }

    /** What a published course is compared by: content version and current run. */
    static String served(String version, Run run) {
        return run == null
                ? version
                : version + "@" + run.name() + "/" + run.start() + "/" + run.timeZone() + "/" + run.title();
    }

    /** Every course, dated by its current run. */
    @Transactional
    public List<Course> loadAll() {
        List<CourseEntity> rows = CourseEntity.listAll(Sort.by("slug"));
        Map<Long, List<Run>> runs = runsByCourse();
        Instant now = Instant.now();
        return rows.stream()
                .map(row -> {
                    Course course = mapper.course(row);
                    return CurrentRunRule.current(runs.getOrDefault(row.id, List.of()), now)
                            .map(course::on)
                            .orElse(course);
                })
                .toList();
    }

    private Map<Long, List<Run>> runsByCourse() {
        List<CourseRunEntity> all = CourseRunEntity.listAll();
        return all.stream()
                .collect(Collectors.groupingBy(
                        run -> run.courseId, Collectors.mapping(CourseRunEntity::dates, Collectors.toList())));
    }
}
