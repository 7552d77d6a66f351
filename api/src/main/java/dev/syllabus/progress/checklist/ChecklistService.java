package dev.syllabus.progress.checklist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.content.Course;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.checklist.ChecklistItem.ItemKind;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import dev.syllabus.progress.schedule.DeadlineExtensionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Students' checklists: the items come from the published course, their states from the
 * database. Changes are {@link ChecklistMarks}'; they never touch the curriculum's read model.
 */
@ApplicationScoped
public class ChecklistService {

    private final Courses courses;

    private final Instance<PullRequestStates> pullRequests;
    private final Instance<RepositoryOwners> repositoryOwners;
    /**
     * The checklist items of each published course, built once per course object: the read model
     * replaces the object on every import, and weak keys (compared by identity) let old ones go.
     */
    private final Cache<Course, Map<String, ChecklistItem>> itemsByCourse =
            Caffeine.newBuilder().weakKeys().build();

    ChecklistService(
            Courses courses, Instance<PullRequestStates> pullRequests, Instance<RepositoryOwners> repositoryOwners) {
        this.repositoryOwners = repositoryOwners;
        this.courses = courses;
        this.pullRequests = pullRequests;
    }

    /** The ids of every checklist item of a course, for matching evidence to items. */
    public List<String> itemIds(String slug) {
        return List.copyOf(items(courses.find(slug).course()).keySet());
    }

    /** The setup item whose title mentions {@code word}, if any (e.g. adding the instructor as admin). */
    public Optional<String> setupItem(String slug, String word) {
        return items(courses.find(slug).course()).values().stream()
                .filter(i -> i.kind() == ItemKind.SETUP
                        && i.title().toLowerCase(Locale.ROOT).contains(word))
                .map(ChecklistItem::id)
                .findFirst();
    }

    /** The student's registered repository and who proved it is theirs, or null. */
    private RepositoryOwners.RepositoryOwner repositoryOf(long courseId, long accountId) {
        return repositoryOwners.stream()
                .flatMap(source -> source.of(courseId, accountId).stream())
                .findFirst()
                .orElse(null);
    }

    /** Every registered repository of the course's students, by account id. */
    public Map<Long, RepositoryOwners.RepositoryOwner> repositoriesOf(long courseId) {
        Map<Long, RepositoryOwners.RepositoryOwner> found = new HashMap<>();
        repositoryOwners.forEach(source -> found.putAll(source.ofCourse(courseId)));
        return found;
    }

    private Map<String, PullRequestStates.PullRequestState> pullRequestsOf(long courseId, long accountId) {
        Map<String, PullRequestStates.PullRequestState> found = new HashMap<>();
        pullRequests.forEach(source -> found.putAll(source.byItem(courseId, accountId)));
        return found;
    }

    /** The course's checklist items by id, in checklist order. */
    public Map<String, ChecklistItem> items(Course course) {
        return itemsByCourse.get(course, c -> {
            Map<String, ChecklistItem> byId = new LinkedHashMap<>();
            ChecklistItem.of(c).forEach(item -> byId.put(item.id(), item));
            return Collections.unmodifiableMap(byId);
        });
    }

    /** A student's checklist, dated by their run, saying whether they have a calendar feed (its address is shown once, when made). */
    @Transactional
    public ChecklistViews.Checklist checklist(String slug, long accountId) {
        Courses.Ref ref = courses.find(slug);
        AccountEntity student = AccountEntity.findById(accountId);
        EnrollmentEntity enrollment = (student == null
                        ? Optional.<EnrollmentEntity>empty()
                        : EnrollmentEntity.of(ref.id(), accountId))
                .orElseThrow(() -> notEnrolled(ref));
        return checklist(ref, dated(ref, enrollment.runId), student)
                .withEnrolment(enrollment.calendarToken != null, repositoryOf(ref.id(), accountId));
    }

    /** A student's checklist in {@code dated}, the course as their run dates it. */
    public ChecklistViews.Checklist checklist(Courses.Ref ref, Course dated, AccountEntity student) {
        return build(
                dated,
                items(ref.course()).values(),
                student.login,
                student.githubId != null,
                ProgressEntity.ofStudent(ref.id(), student.id),
                ReviewEntity.ofStudent(ref.id(), student.id),
                new HashMap<>(),
                pullRequestsOf(ref.id(), student.id),
                DeadlineExtensionEntity.of(ref.id(), student.id));
    }

    /** The published course with the dates of run {@code runId} (the current run's when null). */
    public static Course dated(Courses.Ref ref, Long runId) {
        CourseRunEntity run = runId == null ? null : CourseRunEntity.findById(runId);
        return run == null ? ref.course() : CourseRuns.in(ref.course(), run.dates());
    }

    /**
     * A checklist from the course's {@link #items} and the student's rows; {@code logins} names
     * reviewers (looked up when missing); {@code course} carries the student's run's dates and
     * {@code extensions} the deadlines an instructor moved for them.
     */
    public static ChecklistViews.Checklist build(
            Course course,
            Collection<ChecklistItem> courseItems,
            String login,
            boolean verified,
            List<ProgressRow> rows,
            List<ReviewEntity> reviewsOldestFirst,
            Map<Long, String> logins,
            Map<String, PullRequestStates.PullRequestState> pullRequests,
            Map<String, Instant> extensions) {
        Map<String, ProgressRow> states =
                rows.stream().collect(Collectors.toMap(ProgressRow::itemId, Function.identity()));
        List<ChecklistViews.Item> items = courseItems.stream()
                .map(item -> ChecklistSummary.view(item, states.get(item.id()), pullRequests.get(item.id())))
                .toList();
        Map<String, ChecklistViews.Review> latest = new HashMap<>();
        for (ReviewEntity review : reviewsOldestFirst) {
            String reviewer = review.reviewerId == null
                    ? null
                    : logins.computeIfAbsent(review.reviewerId, AccountEntity::loginOf);
            latest.put(
                    review.homeworkCode,
                    new ChecklistViews.Review(review.decision, review.comment, reviewer, review.at));
        }
        return ChecklistSummary.summarise(course, login, verified, items, latest, extensions);
    }

    /** An instructor's view of one student's checklist; 404 when there is no such student. */
    @Transactional
    ChecklistViews.Checklist studentChecklist(String slug, String login) {
        return checklist(slug, student(login).id);
    }

    /** The student {@code login}; 404 when there is none. */
    static AccountEntity student(String login) {
        return AccountEntity.findByLogin(login)
                .filter(a -> a.role == Role.STUDENT)
                .orElseThrow(() -> DomainException.notFound("No student '" + login + "'."));
    }

    /** An item's entity tag, unquoted: {@code v} and the count of its changes. */
    static String tag(int version) {
        return "v" + version;
    }

    static String etag(int version) {
        return '"' + tag(version) + '"';
    }

    static void requireEnrolled(Courses.Ref ref, AccountEntity student) {
        requireEnrolled(ref, student == null ? -1 : student.id);
    }

    private static void requireEnrolled(Courses.Ref ref, long studentId) {
        if (!EnrollmentEntity.exists(ref.id(), studentId)) {
            throw notEnrolled(ref);
        }
    }

    public static DomainException notEnrolled(Courses.Ref ref) {
        return DomainException.forbidden("Join course '" + ref.course().slug() + "' first, with its join code.");
    }
}
