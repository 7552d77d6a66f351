package dev.syllabus.progress.cohort;

import dev.syllabus.content.Course;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Run;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.checklist.ChecklistItem;
import dev.syllabus.progress.checklist.ChecklistService;
import dev.syllabus.progress.checklist.ChecklistViews;
import dev.syllabus.progress.checklist.HomeworkStatusRule;
import dev.syllabus.progress.checklist.ProgressEntity;
import dev.syllabus.progress.checklist.ProgressRow;
import dev.syllabus.progress.checklist.RepositoryOwners;
import dev.syllabus.progress.checklist.ReviewEntity;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import dev.syllabus.progress.schedule.DeadlineExtensionEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

/** The instructors' view of a whole cohort: every enrolled student's homework statuses. */
@ApplicationScoped
public class CohortService {

    private final ChecklistService checklists;
    private final Courses courses;
    private final CourseRuns runs;
    private final CohortCache cache;

    CohortService(ChecklistService checklists, Courses courses, CourseRuns runs, CohortCache cache) {
        this.checklists = checklists;
        this.courses = courses;
        this.runs = runs;
        this.cache = cache;
        cache.computeWith(key -> QuarkusTransaction.requiringNew().call(() -> {
            Courses.Ref ref = courses.find(key.slug());
            CourseRunEntity run = runs.named(ref.id(), key.run().name());
            return compute(ref, run, CourseRuns.in(ref.course(), key.run()), key.filter());
        }));
    }

    /**
     * Every enrolled student, by login, filtered by week (only its homework), status (any homework in
     * scope) and tick source (any done item in scope vouched for by it).
     */
    /** What a cohort is narrowed to; null fields do not narrow it. */
    record Filter(Integer week, HomeworkStatusRule.HomeworkStatus status, ProgressEntity.Source source, Boolean late) {
        static final Filter NONE = new Filter(null, null, null, null);
    }

    /**
     * Every student of a run (the current one when {@code runName} is null), by login, filtered by week
     * (only its homework), status (any homework in scope), tick source (any done item in scope vouched
     * for by it) and lateness (any homework in scope passed late, or none).
     */
    @Transactional
    CohortCache.Computed cohort(String slug, String runName, Filter filter) {
        Courses.Ref ref = courses.find(slug);
        Integer week = filter.week();
        if (week != null && ref.course().weeks().stream().noneMatch(w -> w.number() == week)) {
            throw DomainException.invalid("week", "is not a week of this course");
        }
        // The current run is the one the published course is dated by (the read model follows a run's
        // change at once on this replica, and a run's start or another replica's change within the
        // catalog's refresh): a page of a cached cohort costs no query for it.
        Run run = runName != null
                ? runs.named(ref.id(), runName).dates()
                : ref.course().run();
        if (run == null) {
            // A replica whose read model has not yet seen the course's first run.
            run = runs.current(ref.id()).dates();
        }
        return cache.get(new CohortCache.Key(ref.id(), slug, ref.course().version(), run, filter));
    }

    private List<CohortViews.Row> compute(Courses.Ref ref, CourseRunEntity run, Course course, Filter filter) {
        Integer week = filter.week();
        // Only this run's students' rows are read, as values rather than entities where there are many
        // (students, item states): a persistence context of thousands of entities is what made a
        // cohort's computation overflow the small heap into full collections.
        List<EnrollmentEntity.Student> enrolled = EnrollmentEntity.studentsOf(ref.id(), run.id);
        Map<Long, Map<String, Instant>> extensions = DeadlineExtensionEntity.ofCourse(ref.id());
        Map<Long, List<ProgressRow>> progress =
                ProgressEntity.ofRun(ref.id(), run.id).stream().collect(Collectors.groupingBy(ProgressRow::accountId));
        Map<Long, List<ReviewEntity>> reviews = ReviewEntity.<ReviewEntity>find(
                        "courseId = ?1 and accountId in " + EnrollmentEntity.STUDENTS_OF_RUN + " order by at",
                        ref.id(),
                        run.id)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .stream()
                .collect(Collectors.groupingBy(r -> r.accountId));
        Map<Long, String> logins = new HashMap<>();
        Map<Long, RepositoryOwners.RepositoryOwner> repositories = checklists.repositoriesOf(ref.id());
        Collection<ChecklistItem> items = checklists.items(ref.course()).values();
        List<CohortViews.Row> rows = new ArrayList<>();
        for (EnrollmentEntity.Student student : enrolled) {
            ChecklistViews.Checklist checklist = ChecklistService.build(
                    course,
                    items,
                    student.login(),
                    student.verified(),
                    progress.getOrDefault(student.accountId(), List.of()),
                    reviews.getOrDefault(student.accountId(), List.of()),
                    logins,
                    Map.of(),
                    extensions.getOrDefault(student.accountId(), Map.of()));
            List<CohortViews.Cell> cells = checklist.homework().stream()
                    .filter(h -> h.graded() && (week == null || h.week() == week))
                    .map(h -> new CohortViews.Cell(h.code(), h.status(), h.late(), h.due()))
                    .toList();
            CohortViews.TickCounts ticks = CohortViews.TickCounts.of(checklist.items().stream()
                    .filter(i -> i.done() && (week == null || week.equals(i.week())))
                    .toList());
            boolean statusMatches =
                    filter.status() == null || cells.stream().anyMatch(c -> c.status() == filter.status());
            boolean lateMatches =
                    filter.late() == null || cells.stream().anyMatch(CohortViews.Cell::late) == filter.late();
            if (statusMatches && lateMatches && (filter.source() == null || ticks.of(filter.source()) > 0)) {
                rows.add(new CohortViews.Row(
                        student.login(),
                        student.name(),
                        student.email(),
                        checklist.verified(),
                        checklist.completion(),
                        ticks,
                        cells,
                        repositories.get(student.accountId())));
            }
        }
        rows.sort(Comparator.comparing(CohortViews.Row::login));
        return rows;
    }

    /** {@code cohort} rendered in {@code form}, once per computed cohort (see {@link CohortCache#rendered}). */
    byte[] rendered(CohortCache.Computed cohort, Object form, Function<List<CohortViews.Row>, byte[]> render) {
        return cache.rendered(cohort, form, render);
    }

    /** The cohort as CSV: one row per student, one column per homework in scope. */
    String csv(String slug, List<CohortViews.Row> rows, Integer week) {
        List<String> codes = courses.find(slug).course().weeks().stream()
                .filter(w -> week == null || w.number() == week)
                .flatMap(w -> w.homework().stream())
                .filter(Homework::graded)
                .map(Homework::code)
                .toList();
        List<String> header = new ArrayList<>(List.of(
                "login",
                "name",
                "email",
                "verified",
                "completion_percent",
                "ticks_github",
                "ticks_student",
                "ticks_instructor",
                "repository",
                "repository_owner"));
        header.addAll(codes);
        List<List<String>> lines = new ArrayList<>();
        for (CohortViews.Row row : rows) {
            List<String> line = new ArrayList<>(List.of(
                    row.login(),
                    row.name() == null ? "" : row.name(),
                    row.email() == null ? "" : row.email(),
                    Boolean.toString(row.verified()),
                    Integer.toString(row.completion().percent()),
                    Integer.toString(row.ticks().github()),
                    Integer.toString(row.ticks().student()),
                    Integer.toString(row.ticks().instructor()),
                    row.repository() == null ? "" : row.repository().fullName(),
                    row.repository() == null ? "" : row.repository().proof().name()));
            Map<String, String> statuses =
                    row.homework().stream().collect(Collectors.toMap(CohortViews.Cell::code, CohortViews.Cell::label));
            codes.forEach(code -> line.add(statuses.getOrDefault(code, "")));
            lines.add(line);
        }
        return SpreadsheetCsv.write(header, lines);
    }

    /** The run's gradebook (the current run's when {@code runName} is null) in a learning platform's import layout. */
    @Transactional
    String gradebook(String slug, String runName, Gradebook.Format format) {
        Courses.Ref ref = courses.find(slug);
        CourseRunEntity run = runName == null ? runs.current(ref.id()) : runs.named(ref.id(), runName);
        List<CohortViews.Row> rows = cohort(slug, run.name, Filter.NONE).rows();
        List<Homework> homework =
                ref.course().homework().filter(Homework::graded).toList();
        return Gradebook.write(
                format, homework, rows, run.name, ref.course().schedule().latePenalty(), Instant.now());
    }
}
