package dev.syllabus.progress.checklist;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.events.EventData;
import dev.syllabus.events.EventType;
import dev.syllabus.events.Outbox;
import dev.syllabus.progress.checklist.HomeworkStatusRule.HomeworkStatus;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What students' work tells subscribers: written to the outbox in the transaction of the change. */
@ApplicationScoped
public class ProgressEvents {

    private final Outbox outbox;
    private final ChecklistService checklists;
    private final CourseRuns runs;
    private final List<HomeworkGrades> grades;

    ProgressEvents(Outbox outbox, ChecklistService checklists, CourseRuns runs, Instance<HomeworkGrades> grades) {
        this.outbox = outbox;
        this.checklists = checklists;
        this.runs = runs;
        this.grades = grades.stream().toList();
    }

    /** The name of the run the student takes (the current run's, for an enrolment from before runs). */
    public String runOf(long courseId, long studentId) {
        Long runId = EnrollmentEntity.of(courseId, studentId).map(e -> e.runId).orElse(null);
        CourseRunEntity run = runId == null ? null : CourseRunEntity.findById(runId);
        return (run == null ? runs.current(courseId) : run).name;
    }

    void itemChanged(Courses.Ref ref, ProgressEntity state, Long actorId) {
        outbox.record(
                ref.id(),
                EventType.CHECKLIST_ITEM_CHANGED,
                () -> new EventData.ItemChanged(
                        ref.course().slug(),
                        runOf(ref.id(), state.accountId),
                        AccountEntity.loginOf(state.accountId),
                        new EventData.Item(state.itemId, state.done, state.source.name(), state.evidenceUrl),
                        actorId == null ? null : AccountEntity.loginOf(actorId)));
    }

    void reviewCreated(Courses.Ref ref, long studentId, ReviewEntity review) {
        outbox.record(
                ref.id(),
                EventType.REVIEW_CREATED,
                () -> new EventData.ReviewCreated(
                        ref.course().slug(),
                        runOf(ref.id(), studentId),
                        AccountEntity.loginOf(studentId),
                        review.homeworkCode,
                        review.decision.name(),
                        review.comment,
                        review.reviewerId == null ? null : AccountEntity.loginOf(review.reviewerId)));
    }

    /** An enrolment made or removed ({@code enrollment.created}, {@code enrollment.removed}). */
    public void enrollment(EventType type, Courses.Ref ref, String run, String student) {
        outbox.record(
                ref.id(),
                type,
                () -> new EventData.EnrollmentChanged(ref.course().slug(), run, student));
    }

    /**
     * Makes {@code change} to the student's work, then tells subscribers (and gradebooks that follow
     * the student) of each homework whose status it changed (see {@link HomeworkTransition}). The
     * student's checklist is read before and after only when someone wants to know.
     */
    <T> T homeworkChanges(Courses.Ref ref, long studentId, Supplier<T> change) {
        boolean told = outbox.wanted(ref.id(), EventType.HOMEWORK_STATUS_CHANGED);
        List<HomeworkGrades> following =
                grades.stream().filter(g -> g.follows(ref.id(), studentId)).toList();
        if (!told && following.isEmpty()) {
            return change.get();
        }
        Map<String, ChecklistViews.HomeworkProgress> before = homework(ref, studentId);
        T result = change.get();
        ChecklistViews.Checklist after = checklists.checklist(ref.course().slug(), studentId);
        for (ChecklistViews.HomeworkProgress now : after.homework()) {
            ChecklistViews.HomeworkProgress then = before.get(now.code());
            boolean wasPassed = then != null && then.status() == HomeworkStatus.PASSED;
            HomeworkTransition.between(
                            wasPassed, then != null && then.late(), now.status() == HomeworkStatus.PASSED, now.late())
                    .ifPresent(status -> {
                        if (told) {
                            outbox.record(
                                    ref.id(),
                                    EventType.HOMEWORK_STATUS_CHANGED,
                                    () -> new EventData.HomeworkStatusChanged(
                                            ref.course().slug(),
                                            after.run() == null
                                                    ? runOf(ref.id(), studentId)
                                                    : after.run().name(),
                                            after.student(),
                                            now.code(),
                                            status,
                                            now.passedAt()));
                        }
                        HomeworkGrades.Change graded = new HomeworkGrades.Change(
                                ref.id(),
                                studentId,
                                now.code(),
                                now.title(),
                                status,
                                now.passedAt(),
                                Instant.now(),
                                after.items().stream()
                                        .filter(item -> now.code().equals(item.homework())
                                                && item.done()
                                                && item.evidence() != null)
                                        .map(ChecklistViews.Item::evidence)
                                        .distinct()
                                        .toList());
                        following.forEach(g -> g.changed(graded));
                    });
        }
        return result;
    }

    private Map<String, ChecklistViews.HomeworkProgress> homework(Courses.Ref ref, long studentId) {
        return checklists.checklist(ref.course().slug(), studentId).homework().stream()
                .collect(Collectors.toMap(ChecklistViews.HomeworkProgress::code, Function.identity()));
    }
}
