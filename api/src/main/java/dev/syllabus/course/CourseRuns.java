package dev.syllabus.course;

import dev.syllabus.content.Course;
import dev.syllabus.content.Run;
import dev.syllabus.content.Schedule;
import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A course's runs: listing, creating and editing them (dates can move; everything derived from them
 * is recomputed from the run), which one is current, and which run a join code opens.
 */
@ApplicationScoped
public class CourseRuns {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fired in the transaction that creates a run or changes its settings (the outbound {@code run.changed}). */
    public record Changed(long courseId, String slug, Run run, boolean created) {}

    private final CourseCatalog catalog;
    private final Courses courses;
    private final Event<Changed> changed;

    CourseRuns(CourseCatalog catalog, Courses courses, Event<Changed> changed) {
        this.catalog = catalog;
        this.courses = courses;
        this.changed = changed;
    }

    @Transactional
    public List<CourseRunViews.RunView> list(String slug) {
        CourseEntity course = courses.row(slug);
        List<CourseRunEntity> runs = CourseRunEntity.ofCourse(course.id);
        Run current = current(runs).dates();
        return runs.stream().map(run -> view(slug, run, current)).toList();
    }

    /** The run {@code name}, or the current run when {@code name} is null. */
    @Transactional
    public CourseRunViews.RunView get(String slug, String name) {
        CourseEntity course = courses.row(slug);
        CourseRunEntity current = current(course.id);
        return view(slug, name == null ? current : named(course.id, name), current.dates());
    }

    /** A saved run and whether it was new. */
    public record Saved(CourseRunViews.RunView run, boolean created) {}

    /**
     * Creates the run {@code name} or replaces its settings (the current run's when {@code name} is
     * null); the read model follows at once on this replica.
     */
    public Saved put(String slug, String name, CourseRunViews.RunRequest request) {
        if (request.title().isBlank()) {
            throw DomainException.invalid("title", "must not be blank");
        }
        if (!Schedule.isTimeZone(request.timeZone())) {
            throw DomainException.invalid("timeZone", "is not an IANA time zone such as Europe/Kyiv or UTC");
        }
        if (request.start().getYear() < 2000 || request.start().getYear() > 2200) {
            throw DomainException.invalid("start", "must be a date between the years 2000 and 2200");
        }
        Saved saved = QuarkusTransaction.requiringNew().call(() -> save(slug, name, request));
        catalog.reload();
        return saved;
    }

    private Saved save(String slug, String name, CourseRunViews.RunRequest request) {
        CourseEntity course = CourseEntity.findForUpdate(slug).orElseThrow(() -> Courses.notFound(slug));
        CourseRunEntity run = name == null
                ? current(course.id)
                : CourseRunEntity.byName(course.id, name).orElse(null);
        boolean created = run == null;
        if (created) {
            run = new CourseRunEntity();
            run.courseId = course.id;
            run.name = name;
            run.createdAt = Instant.now();
            run.joinCode = randomCode();
        }
        run.title = request.title().strip();
        run.startsOn = request.start();
        run.timeZone = request.timeZone();
        if (request.joinCode() != null) {
            String code = request.joinCode();
            CourseRunEntity owner = byJoinCode(course.id, code).orElse(null);
            if (owner != null && owner != run) {
                throw DomainException.invalid("joinCode", "is the join code of run '" + owner.name + "'");
            }
            run.joinCode = code;
        }
        run.persist();
        CourseRunEntity.flush();
        changed.fire(new Changed(course.id, slug, run.dates(), created));
        return new Saved(view(slug, run, current(course.id).dates()), created);
    }

    /** The run endpoints without a run in their address use; every course has one (see CourseStore). */
    public CourseRunEntity current(long courseId) {
        return current(CourseRunEntity.ofCourse(courseId));
    }

    private static CourseRunEntity current(List<CourseRunEntity> runs) {
        Run current = CurrentRunRule.current(
                        runs.stream().map(CourseRunEntity::dates).toList(), Instant.now())
                .orElseThrow(() -> new IllegalStateException("a course without a run"));
        return runs.stream()
                .filter(run -> run.dates().equals(current))
                .findFirst()
                .orElseThrow();
    }

    /** A course's run by name, for a caller outside a transaction; 404 for either. */
    @Transactional
    public CourseRunEntity namedIn(String slug, String name) {
        return named(courses.row(slug).id, name);
    }

    public CourseRunEntity named(long courseId, String name) {
        return CourseRunEntity.byName(courseId, name)
                .orElseThrow(() -> DomainException.notFound("The course has no run '" + name + "'."));
    }

    /** The run whose join code this is, compared in constant time. */
    public Optional<CourseRunEntity> byJoinCode(long courseId, String code) {
        byte[] given = code.strip().getBytes(StandardCharsets.UTF_8);
        CourseRunEntity found = null;
        for (CourseRunEntity run : CourseRunEntity.ofCourse(courseId)) {
            if (run.joinCode != null && MessageDigest.isEqual(run.joinCode.getBytes(StandardCharsets.UTF_8), given)) {
                found = run;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The published course with the dates of {@code run} (the published one carries the current run's). */
    public static Course in(Course published, Run run) {
        return run.equals(published.run()) ? published : published.on(run);
    }

    public static String randomCode() {
        return randomCode(10);
    }

    /** A code of {@code length} letters and digits that cannot be mistaken for one another (no 0/O, 1/I). */
    public static String randomCode(int length) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private CourseRunViews.RunView view(String slug, CourseRunEntity run, Run current) {
        int weeks = courses.published(slug).weeks().size();
        return new CourseRunViews.RunView(
                run.name,
                run.title,
                run.startsOn,
                run.startsOn.plusWeeks(weeks).minusDays(1),
                run.timeZone,
                run.dates().equals(current),
                run.joinCode);
    }
}
