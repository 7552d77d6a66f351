package dev.syllabus.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.content.Course;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Week;
import dev.syllabus.course.CourseCatalog;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.http.ProblemException;
import dev.syllabus.progress.ChecklistItem.ItemKind;

/**
 * Students' checklists: the items come from the published course, their states from the
 * database. Writes go straight to the database; they never touch the curriculum's read model.
 */
@ApplicationScoped
public class ChecklistService {

    private final CourseCatalog catalog;
    private final jakarta.enterprise.inject.Instance<PullRequestStates> pullRequests;
    /** Course rows are updated in place and never deleted, so a slug's id never changes. */
    private final Map<String, Long> courseIds = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The checklist items of each published course, built once per course object: the read model
     * replaces the object on every import, and weak keys (compared by identity) let old ones go.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Course, Map<String, ChecklistItem>> itemsByCourse =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

    ChecklistService(CourseCatalog catalog, jakarta.enterprise.inject.Instance<PullRequestStates> pullRequests) {
        this.catalog = catalog;
        this.pullRequests = pullRequests;
    }

    /** Marks an item done on evidence GitHub sent (no person acted). Check {@link #refusal} first. */
    @Transactional
    public void recordEvidence(String slug, long studentId, String itemId, String url) {
        mark(slug, studentId, null, itemId, true, url, null);
    }

    /**
     * Takes back a tick that a pull request's evidence made, when that pull request now counts for
     * another task (one pull request credits one task). A tick the student made stays.
     */
    @Transactional
    public void withdrawEvidence(String slug, long studentId, String itemId, String url) {
        CourseRef ref = course(slug);
        ProgressEntity state = ProgressEntity.<ProgressEntity>find("courseId = ?1 and accountId = ?2 and itemId = ?3",
                ref.id(), studentId, itemId).firstResult();
        if (state != null && state.done && state.source == ProgressEntity.Source.GITHUB && url.equals(state.evidenceUrl)) {
            mark(slug, studentId, null, itemId, false, null, null);
        }
    }

    /**
     * Why evidence for {@code itemId} cannot be recorded for this student, or null when it can: the
     * business rules a webhook delivery meets, answered as a reason instead of an exception, so the
     * delivery is recorded as ignored rather than rolled back.
     */
    @Transactional
    public String refusal(String slug, long studentId, String itemId) {
        CourseRef ref = course(slug);
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
        return List.copyOf(items(course(slug).course()).keySet());
    }

    /** The setup item whose title mentions {@code word}, if any (e.g. adding the instructor as admin). */
    public java.util.Optional<String> setupItem(String slug, String word) {
        return items(course(slug).course()).values().stream()
                .filter(i -> i.kind() == ItemKind.SETUP && i.title().toLowerCase(java.util.Locale.ROOT).contains(word))
                .map(ChecklistItem::id).findFirst();
    }

    private Map<String, PullRequestStates.PullRequestState> pullRequestsOf(long courseId, long accountId) {
        Map<String, PullRequestStates.PullRequestState> found = new java.util.HashMap<>();
        pullRequests.forEach(source -> found.putAll(source.byItem(courseId, accountId)));
        return found;
    }

    /** A course's id and published content, or 404. */
    record CourseRef(long id, Course course) {
    }

    /** The course's checklist items by id, in checklist order. */
    Map<String, ChecklistItem> items(Course course) {
        return itemsByCourse.get(course, c -> {
            Map<String, ChecklistItem> byId = new java.util.LinkedHashMap<>();
            ChecklistItem.of(c).forEach(item -> byId.put(item.id(), item));
            return java.util.Collections.unmodifiableMap(byId);
        });
    }

    /** A course's database id, or 404; cached, since course rows are never deleted. */
    public long courseId(String slug) {
        return course(slug).id();
    }

    CourseRef course(String slug) {
        Course course = catalog.course(slug).orElseThrow(() -> ProblemException.notFound("No course '" + slug + "'."));
        Long id = courseIds.computeIfAbsent(slug, key -> CourseEntity.findBySlug(key).map(c -> c.id).orElse(null));
        if (id == null) {
            throw ProblemException.notFound("No course '" + slug + "'.");
        }
        return new CourseRef(id, course);
    }

    @Transactional
    ChecklistViews.Checklist checklist(String slug, long accountId) {
        CourseRef ref = course(slug);
        AccountEntity student = AccountEntity.findById(accountId);
        requireEnrolled(ref, student);
        return build(ref.course(), items(ref.course()).values(), student.login, student.githubId != null,
                ProgressEntity.list("courseId = ?1 and accountId = ?2", ref.id(), accountId),
                ReviewEntity.list("courseId = ?1 and accountId = ?2 order by at", ref.id(), accountId),
                new java.util.HashMap<>(), pullRequestsOf(ref.id(), accountId));
    }

    /** A checklist from the course's {@link #items} and the student's rows; {@code logins} names reviewers (looked up when missing). */
    static ChecklistViews.Checklist build(Course course, java.util.Collection<ChecklistItem> courseItems, String login, boolean verified,
            List<ProgressEntity> rows, List<ReviewEntity> reviewsOldestFirst,
            Map<Long, String> logins, Map<String, PullRequestStates.PullRequestState> pullRequests) {
        Map<String, ProgressEntity> states = rows.stream().collect(Collectors.toMap(p -> p.itemId, Function.identity()));
        List<ChecklistViews.Item> items = courseItems.stream()
                .map(item -> view(item, states.get(item.id()), pullRequests.get(item.id()))).toList();
        Map<String, ChecklistViews.Review> latest = new java.util.HashMap<>();
        for (ReviewEntity review : reviewsOldestFirst) {
            String reviewer = review.reviewerId == null ? null : logins.computeIfAbsent(review.reviewerId, AccountEntity::loginOf);
            latest.put(review.homeworkCode, new ChecklistViews.Review(review.decision, review.comment, reviewer, review.at));
        }
        return summarise(course, login, verified, items, latest);
    }

    /** Records an instructor's decision on a student's homework. */
    @Transactional
    ChecklistViews.Review review(String slug, String login, String code, long reviewerId, ChecklistViews.ReviewRequest request) {
        CourseRef ref = course(slug);
        AccountEntity student = student(login);
        requireEnrolled(ref, student);
        String homework = code.toUpperCase(java.util.Locale.ROOT);
        boolean exists = ref.course().weeks().stream().flatMap(w -> w.homework().stream()).anyMatch(h -> h.code().equals(homework));
        if (!exists) {
            throw ProblemException.notFound("Course '" + slug + "' has no homework " + homework + ".");
        }
        ReviewEntity review = new ReviewEntity();
        review.courseId = ref.id();
        review.accountId = student.id;
        review.homeworkCode = homework;
        review.reviewerId = reviewerId;
        review.decision = request.decision();
        review.comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        review.at = Instant.now();
        review.persist();
        ProgressEventEntity.record(ref.id(), student.id, homework, request.decision().name(), null, reviewerId, review.at);
        return new ChecklistViews.Review(review.decision, review.comment, AccountEntity.loginOf(reviewerId), review.at);
    }

    /** Marks an item done or not done; {@code ifMatch} (an item ETag) guards against overwriting a newer change. */
    @Transactional
    ChecklistViews.Item mark(String slug, long studentId, Long actorId, String itemId, boolean done, String evidence, String ifMatch) {
        CourseRef ref = course(slug);
        if (!EnrollmentEntity.lock(ref.id(), studentId)) {
            throw notEnrolled(ref);
        }
        ChecklistItem item = java.util.Optional.ofNullable(items(ref.course()).get(itemId))
                .orElseThrow(() -> ProblemException.notFound("Course '" + slug + "' has no checklist item " + itemId + "."));
        String checkedEvidence = Evidence.check(item.kind(), evidence);
        ProgressEntity state = ProgressEntity.<ProgressEntity>find("courseId = ?1 and accountId = ?2 and itemId = ?3",
                ref.id(), studentId, itemId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElse(null);
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")
                && !ifMatch.strip().equals(etag(state == null ? 0 : state.version))) {
            throw ProblemException.preconditionFailed("Item " + itemId + " changed since you read it (now "
                    + etag(state == null ? 0 : state.version) + "); reload it and try again.");
        }
        Instant now = Instant.now();
        if (state == null) {
            state = new ProgressEntity();
            state.courseId = ref.id();
            state.accountId = studentId;
            state.itemId = itemId;
        }
        boolean evidenceChanged = done && checkedEvidence != null && !checkedEvidence.equals(state.evidenceUrl);
        if (state.done == done && !evidenceChanged && state.id != null) {
            return view(item, state);
        }
        state.done = done;
        if (evidenceChanged) {
            state.evidenceUrl = checkedEvidence;
        }
        state.version++;
        state.updatedAt = now;
        state.updatedBy = actorId;
        state.source = actorId == null ? ProgressEntity.Source.GITHUB
                : actorId == studentId ? ProgressEntity.Source.STUDENT : ProgressEntity.Source.INSTRUCTOR;
        state.persist();
        ProgressEventEntity.record(ref.id(), studentId, itemId, done ? "DONE" : "UNDONE", state.evidenceUrl, actorId, now);
        return view(item, state);
    }

    /** An instructor marks a student's item; 404 when there is no such student. */
    @Transactional
    ChecklistViews.Item markFor(String slug, String login, long instructorId, String itemId, boolean done, String evidence, String ifMatch) {
        return mark(slug, student(login).id, instructorId, itemId, done, evidence, ifMatch);
    }

    /** An instructor's view of one student's checklist; 404 when there is no such student. */
    @Transactional
    ChecklistViews.Checklist studentChecklist(String slug, String login) {
        return checklist(slug, student(login).id);
    }

    private static AccountEntity student(String login) {
        return AccountEntity.findByLogin(login).filter(a -> a.role == dev.syllabus.account.Role.STUDENT)
                .orElseThrow(() -> ProblemException.notFound("No student '" + login + "'."));
    }

    static String etag(int version) {
        return "\"v" + version + "\"";
    }

    private static void requireEnrolled(CourseRef ref, AccountEntity student) {
        requireEnrolled(ref, student == null ? -1 : student.id);
    }

    private static void requireEnrolled(CourseRef ref, long studentId) {
        if (!EnrollmentEntity.exists(ref.id(), studentId)) {
            throw notEnrolled(ref);
        }
    }

    private static ProblemException notEnrolled(CourseRef ref) {
        return ProblemException.forbidden("Join course '" + ref.course().slug() + "' first: POST /api/courses/"
                + ref.course().slug() + "/enrollments with its join code.");
    }

    private static ChecklistViews.Item view(ChecklistItem item, ProgressEntity state) {
        return view(item, state, null);
    }

    private static ChecklistViews.Item view(ChecklistItem item, ProgressEntity state, PullRequestStates.PullRequestState pullRequest) {
        return new ChecklistViews.Item(item.id(), item.kind(), item.title(), item.homework(), item.week(), item.optional(),
                state != null && state.done, state == null ? null : state.evidenceUrl,
                state == null ? null : state.updatedAt, state == null ? 0 : state.version, state == null ? null : state.source,
                pullRequest);
    }

    private static ChecklistViews.Checklist summarise(Course course, String login, boolean verified, List<ChecklistViews.Item> items,
            Map<String, ChecklistViews.Review> reviews) {
        Map<String, List<ChecklistViews.Item>> byHomework = items.stream().filter(i -> i.homework() != null)
                .collect(Collectors.groupingBy(ChecklistViews.Item::homework));
        List<ChecklistViews.HomeworkProgress> homework = new ArrayList<>();
        List<ChecklistViews.WeekProgress> weeks = new ArrayList<>();
        for (Week week : course.weeks()) {
            int weekRequired = 0;
            int weekDone = 0;
            for (Homework hw : week.homework()) {
                List<ChecklistViews.Item> own = byHomework.getOrDefault(hw.code(), List.of());
                ChecklistViews.HomeworkProgress progress = progress(hw, own, reviews.get(hw.code()));
                homework.add(progress);
                weekRequired += progress.requiredItems();
                weekDone += progress.doneItems();
            }
            weeks.add(new ChecklistViews.WeekProgress(week.number(), week.title(), weekRequired, weekDone));
        }
        int required = (int) items.stream().filter(i -> !i.optional()).count();
        int done = (int) items.stream().filter(i -> !i.optional() && i.done()).count();
        return new ChecklistViews.Checklist(course.slug(), login, verified, ChecklistViews.Completion.of(done, required), weeks, homework, items);
    }

    /** A homework's progress: its status by {@link HomeworkStatusRule}, with the latest review. */
    static ChecklistViews.HomeworkProgress progress(Homework homework, List<ChecklistViews.Item> items, ChecklistViews.Review review) {
        HomeworkStatusRule.Outcome outcome = HomeworkStatusRule.status(homework.pass(),
                items.stream().map(i -> new HomeworkStatusRule.ItemState(i.kind(), i.optional(), i.done(), i.updatedAt())).toList(),
                review == null ? null : new HomeworkStatusRule.LatestReview(review.decision() == ReviewEntity.Decision.APPROVED, review.at()));
        return new ChecklistViews.HomeworkProgress(homework.code(), homework.title(), homework.week(), outcome.status(),
                outcome.requiredPrs(), outcome.donePrs(), outcome.requiredItems(), outcome.doneItems(), review);
    }
}
