package dev.syllabus.progress.checklist;

import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.cohort.CohortCache;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Changes to checklist items, one {@link Mark} at a time: by the student, an instructor, or
 * GitHub's evidence. Each change locks the item's row, so two writers on one item take turns, and
 * says which version it builds on, so a newer change is not lost.
 */
@ApplicationScoped
public class ChecklistMarks {

    private final Courses courses;
    private final ChecklistService checklists;
    private final CohortCache cohorts;
    private final ProgressEvents events;

    ChecklistMarks(Courses courses, ChecklistService checklists, CohortCache cohorts, ProgressEvents events) {
        this.courses = courses;
        this.checklists = checklists;
        this.cohorts = cohorts;
        this.events = events;
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
        if (!checklists.items(ref.course()).containsKey(itemId)) {
            return "course '" + slug + "' has no checklist item " + itemId;
        }
        return null;
    }

    /** Makes one change to a student's item (see {@link Mark}); a stale {@code basedOn} is refused. */
    @Transactional
    public ChecklistViews.Item mark(String slug, long studentId, Mark mark) {
        Courses.Ref ref = courses.find(slug);
        return events.homeworkChanges(ref, studentId, () -> change(ref, studentId, mark));
    }

    private ChecklistViews.Item change(Courses.Ref ref, long studentId, Mark mark) {
        String slug = ref.course().slug();
        String itemId = mark.itemId();
        boolean done = mark.done();
        Long actorId = mark.actorId();
        String said = mark.said();
        // The item's row, locked: changes to one item take turns. Without one, the student's enrolment is locked
        // first, so two first ticks of the same item cannot both insert, and the row is looked up again.
        ProgressEntity state = lockedState(ref.id(), studentId, itemId);
        if (state != null && !EnrollmentEntity.exists(ref.id(), studentId)) {
            // A student an instructor removed keeps their rows, but no longer changes them.
            throw ChecklistService.notEnrolled(ref);
        }
        if (state == null) {
            if (!EnrollmentEntity.lock(ref.id(), studentId)) {
                throw ChecklistService.notEnrolled(ref);
            }
            state = lockedState(ref.id(), studentId, itemId);
        }
        ChecklistItem item = Optional.ofNullable(checklists.items(ref.course()).get(itemId))
                .orElseThrow(
                        () -> DomainException.notFound("Course '" + slug + "' has no checklist item " + itemId + "."));
        String checkedEvidence = Evidence.check(item.kind(), mark.evidence());
        int version = state == null ? 0 : state.version;
        if (!mark.basedOn().test(ChecklistService.tag(version))) {
            throw DomainException.stale("Item " + itemId + " changed since you read it (now "
                    + ChecklistService.etag(version) + "); reload it and try again.");
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
            return ChecklistSummary.view(item, state.row(), null);
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
        events.itemChanged(ref, state, actorId);
        cohorts.changed(ref.id());
        return ChecklistSummary.view(item, state.row(), null);
    }

    private static ProgressEntity lockedState(long courseId, long studentId, String itemId) {
        return ProgressEntity.ofItem(courseId, studentId, itemId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElse(null);
    }

    /** An instructor marks a student's item; 404 when there is no such student. */
    @Transactional
    public ChecklistViews.Item markFor(String slug, String login, Mark mark) {
        return mark(slug, ChecklistService.student(login).id, mark);
    }
}
