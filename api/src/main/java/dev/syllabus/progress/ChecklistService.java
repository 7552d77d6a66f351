package dev.syllabus.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.content.Course;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Week;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.ChecklistItem.ItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * database. Writes go straight to the database; they never touch the curriculum's read model.
 */
@ApplicationScoped
public class ChecklistService {

    /** Evidence from GitHub overwrites whatever version an item is at. */
    private final Courses courses;

    private final Instance<PullRequestStates> pullRequests;
    private final Instance<RepositoryOwners> repositoryOwners;
    /**
     * The checklist items of each published course, built once per course object: the read model
     * replaces the object on every import, and weak keys (compared by identity) let old ones go.
     */
    private final Cache<Course, Map<String, ChecklistItem>> itemsByCourse =
            Caffeine.newBuilder().weakKeys().build();

    private final CohortCache cohorts;

    ChecklistService(
            Courses courses,
            Instance<PullRequestStates> pullRequests,
            Instance<RepositoryOwners> repositoryOwners,
            CohortCache cohorts) {
        this.repositoryOwners = repositoryOwners;
        this.courses = courses;
        this.cohorts = cohorts;
        this.pullRequests = pullRequests;
    }

    /**
     * Marks an item done on evidence GitHub sent (no person acted), completed when GitHub says the
     * pull request was merged ({@code completedAt}; null: now). Check {@link #refusal} first.
     */
    @Transactional
    public void recordEvidence(String slug, long studentId, String itemId, String url, Instant completedAt) {
        mark(slug, studentId, Mark.byGithub(itemId, true, url, completedAt));
    }

    /**
     * Takes back a tick that a pull request's evidence made, when that pull request now counts for
     * another task (one pull request credits one task). A tick the student made stays.
     */
    @Transactional
    public void withdrawEvidence(String slug, long studentId, String itemId, String url) {
        Courses.Ref ref = courses.find(slug);
        ProgressEntity state =
                ProgressEntity.ofItem(ref.id(), studentId, itemId).firstResult();
        if (state != null
                && state.done
                && state.source == ProgressEntity.Source.GITHUB
                && url.equals(state.evidenceUrl)) {
            mark(slug, studentId, Mark.byGithub(itemId, false, null, null));
        }
    }

    /**
     * Why evidence for {@code itemId} cannot be recorded for this student, or null when it can: the
     * business rules a webhook delivery meets, answered as a reason instead of an exception, so the
     * delivery is recorded as ignored rather than rolled back.
     */
    @Transactional
    public String refusal(String slug, long studentId, String itemId) {
        Courses.Ref ref = courses.find(slug);
        if (!EnrollmentEntity.exists(ref.id(), studentId)) {
            return "the student is not enrolled in course '" + slug + "'";
        }
        if (!items(ref.course()).containsKey(itemId)) {
            return "course '" + slug + "' has no checklist item " + itemId;
        }
        return null;
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
    Map<Long, RepositoryOwners.RepositoryOwner> repositoriesOf(long courseId) {
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
    Map<String, ChecklistItem> items(Course course) {
        return itemsByCourse.get(course, c -> {
            Map<String, ChecklistItem> byId = new LinkedHashMap<>();
            ChecklistItem.of(c).forEach(item -> byId.put(item.id(), item));
            return Collections.unmodifiableMap(byId);
        });
    }

    /** A student's checklist, dated by their run, saying whether they have a calendar feed (its address is shown once, when made). */
    @Transactional
    ChecklistViews.Checklist checklist(String slug, long accountId) {
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
    ChecklistViews.Checklist checklist(Courses.Ref ref, Course dated, AccountEntity student) {
        return build(
                dated,
                items(ref.course()).values(),
                student.login,
                student.githubId != null,
                ProgressEntity.ofStudent(ref.id(), student.id),
                ReviewEntity.list("courseId = ?1 and accountId = ?2 order by at", ref.id(), student.id),
                new HashMap<>(),
                pullRequestsOf(ref.id(), student.id),
                DeadlineExtensionEntity.of(ref.id(), student.id));
    }

    /** The published course with the dates of run {@code runId} (the current run's when null). */
    static Course dated(Courses.Ref ref, Long runId) {
        CourseRunEntity run = runId == null ? null : CourseRunEntity.findById(runId);
        return run == null ? ref.course() : CourseRuns.in(ref.course(), run.dates());
    }

    /**
     * A checklist from the course's {@link #items} and the student's rows; {@code logins} names
     * reviewers (looked up when missing); {@code course} carries the student's run's dates and
     * {@code extensions} the deadlines an instructor moved for them.
     */
    static ChecklistViews.Checklist build(
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
                .map(item -> view(item, states.get(item.id()), pullRequests.get(item.id())))
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
        return summarise(course, login, verified, items, latest, extensions);
    }

    /** Makes one change to a student's item (see {@link Mark}); a stale {@code basedOn} is refused. */
    @Transactional
    ChecklistViews.Item mark(String slug, long studentId, Mark mark) {
        String itemId = mark.itemId();
        boolean done = mark.done();
        Long actorId = mark.actorId();
        String said = mark.said();
        Courses.Ref ref = courses.find(slug);
        // The item's row, locked: changes to one item take turns. A row exists only for an enrolled
        // student (enrolments are never removed). Without one, the student's enrolment is locked
        // first, so two first ticks of the same item cannot both insert, and the row is looked up again.
        ProgressEntity state = lockedState(ref.id(), studentId, itemId);
        if (state == null) {
            if (!EnrollmentEntity.lock(ref.id(), studentId)) {
                throw notEnrolled(ref);
            }
            state = lockedState(ref.id(), studentId, itemId);
        }
        ChecklistItem item = Optional.ofNullable(items(ref.course()).get(itemId))
                .orElseThrow(
                        () -> DomainException.notFound("Course '" + slug + "' has no checklist item " + itemId + "."));
        String checkedEvidence = Evidence.check(item.kind(), mark.evidence());
        int version = state == null ? 0 : state.version;
        if (!mark.basedOn().test(tag(version))) {
            throw DomainException.stale("Item " + itemId + " changed since you read it (now " + etag(version)
                    + "); reload it and try again.");
        }
        Instant now = Instant.now();
        if (state == null) {
            state = new ProgressEntity();
            state.courseId = ref.id();
            state.accountId = studentId;
            state.itemId = itemId;
        }
        boolean evidenceChanged = done && checkedEvidence != null && !checkedEvidence.equals(state.evidenceUrl);
        ProgressEntity.Source source = mark.source();
        // GitHub or an instructor marking what the student ticked confirms it (a claim, in a course
        // that counts the student's own ticks only as claims): the item is now theirs to vouch for.
        boolean confirmed = done
                && state.done
                && state.source == ProgressEntity.Source.STUDENT
                && source != ProgressEntity.Source.STUDENT;
        if (state.done == done && !evidenceChanged && !confirmed && state.id != null) {
            if (said != null) {
                // Nothing changed, but what the instructor had to say about it is kept.
                ProgressEventEntity.record(ref.id(), studentId, itemId, "NOTE", state.evidenceUrl, actorId, now, said);
            }
            return view(item, state.row(), null);
        }
        if (state.done != done) {
            Instant completedAt = mark.completedAt();
            state.completedAt = done ? (completedAt != null && completedAt.isBefore(now) ? completedAt : now) : null;
        }
        state.done = done;
        if (evidenceChanged) {
            state.evidenceUrl = checkedEvidence;
        }
        state.version++;
        state.updatedAt = now;
        state.updatedBy = actorId;
        state.source = source;
        state.persist();
        ProgressEventEntity.record(
                ref.id(), studentId, itemId, done ? "DONE" : "UNDONE", state.evidenceUrl, actorId, now, said);
        cohorts.changed(ref.id());
        return view(item, state.row(), null);
    }

    private static ProgressEntity lockedState(long courseId, long studentId, String itemId) {
        return ProgressEntity.ofItem(courseId, studentId, itemId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElse(null);
    }

    /** An instructor marks a student's item; 404 when there is no such student. */
    @Transactional
    ChecklistViews.Item markFor(String slug, String login, Mark mark) {
        return mark(slug, student(login).id, mark);
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

    static DomainException notEnrolled(Courses.Ref ref) {
        return DomainException.forbidden("Join course '" + ref.course().slug() + "' first, with its join code.");
    }

    private static ChecklistViews.Item view(
            ChecklistItem item, ProgressRow state, PullRequestStates.PullRequestState pullRequest) {
        return new ChecklistViews.Item(
                item.id(),
                item.kind(),
                item.title(),
                item.homework(),
                item.week(),
                item.optional(),
                state != null && state.done(),
                state == null ? null : state.evidenceUrl(),
                state == null ? null : state.updatedAt(),
                state == null ? 0 : state.version(),
                state == null ? null : state.source(),
                pullRequest,
                state == null || !state.done() ? null : state.completedAt());
    }

    private static ChecklistViews.Checklist summarise(
            Course course,
            String login,
            boolean verified,
            List<ChecklistViews.Item> items,
            Map<String, ChecklistViews.Review> reviews,
            Map<String, Instant> extensions) {
        ZoneId zone =
                course.run() == null ? ZoneOffset.UTC : ZoneId.of(course.run().timeZone());
        Map<String, List<ChecklistViews.Item>> byHomework = items.stream()
                .filter(i -> i.homework() != null)
                .collect(Collectors.groupingBy(ChecklistViews.Item::homework));
        List<ChecklistViews.HomeworkProgress> homework = new ArrayList<>();
        List<ChecklistViews.WeekProgress> weeks = new ArrayList<>();
        for (Week week : course.weeks()) {
            int weekRequired = 0;
            int weekDone = 0;
            for (Homework hw : week.homework()) {
                List<ChecklistViews.Item> own = byHomework.getOrDefault(hw.code(), List.of());
                ChecklistViews.HomeworkProgress progress = progress(
                        hw, own, reviews.get(hw.code()), extensions.get(hw.code()), zone, course.evidencePolicy());
                homework.add(progress);
                weekRequired += progress.requiredItems();
                weekDone += progress.doneItems();
            }
            weeks.add(new ChecklistViews.WeekProgress(week.number(), week.title(), weekRequired, weekDone));
        }
        int required = (int) items.stream().filter(i -> !i.optional()).count();
        EvidencePolicy policy = course.evidencePolicy();
        // Where the course counts a student's own tick only as a claim, a claimed item is not done yet.
        int done = (int)
                items.stream().filter(i -> !i.optional() && counted(i, policy)).count();
        return new ChecklistViews.Checklist(
                course.slug(),
                login,
                verified,
                ChecklistViews.Completion.of(done, required),
                weeks,
                homework,
                items,
                course.run(),
                null,
                false,
                null);
    }

    /**
     * A homework's progress: its status by {@link HomeworkStatusRule}, with the latest review, and its
     * due date ({@code extension} when an instructor moved it, in the run's offset); under a
     * {@code CLAIM} policy a student's own tick does not count until GitHub or an instructor confirms it.
     */
    static ChecklistViews.HomeworkProgress progress(
            Homework homework,
            List<ChecklistViews.Item> items,
            ChecklistViews.Review review,
            Instant extension,
            ZoneId zone,
            EvidencePolicy policy) {
        OffsetDateTime due =
                extension == null ? homework.due() : extension.atZone(zone).toOffsetDateTime();
        HomeworkStatusRule.Outcome outcome = HomeworkStatusRule.status(
                homework.pass(),
                items.stream()
                        .map(i -> {
                            boolean counted = counted(i, policy);
                            return new HomeworkStatusRule.ItemState(
                                    i.kind(), i.optional(), counted, i.updatedAt(), counted ? i.completedAt() : null);
                        })
                        .toList(),
                review == null
                        ? null
                        : new HomeworkStatusRule.LatestReview(
                                review.decision() == ReviewEntity.Decision.APPROVED, review.at()),
                due == null ? null : due.toInstant());
        return new ChecklistViews.HomeworkProgress(
                homework.code(),
                homework.title(),
                homework.week(),
                outcome.status(),
                outcome.requiredPrs(),
                outcome.donePrs(),
                outcome.requiredItems(),
                outcome.doneItems(),
                review,
                due,
                extension != null,
                outcome.passedAt(),
                outcome.late(),
                homework.graded());
    }

    /** Done, and vouched for by someone the course's evidence policy counts (a claim alone may not be). */
    static boolean counted(ChecklistViews.Item item, EvidencePolicy policy) {
        return item.done()
                && policy.counts(item.source() == null ? null : item.source().name());
    }
}
