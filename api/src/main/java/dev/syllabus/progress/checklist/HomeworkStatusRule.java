package dev.syllabus.progress.checklist;

import dev.syllabus.content.PassCriterion;
import dev.syllabus.progress.checklist.ChecklistItem.ItemKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A homework's status from its items, its pass criterion and the instructor's latest review, and
 * when it passed: the moment its criterion was first met, so a homework passed after its due time is
 * late (never refused). Pure, so that its many cases are tested directly.
 */
public final class HomeworkStatusRule {

    private HomeworkStatusRule() {}

    public enum HomeworkStatus {
        NOT_STARTED,
        IN_PROGRESS,
        SUBMITTED,
        CHANGES_REQUESTED,
        PASSED
    }

    /**
     * One of the homework's checklist items as far as the rule cares.
     *
     * @param completedAt when it was done (a pull request's merge time, or the tick's); null while not done
     */
    record ItemState(ItemKind kind, boolean optional, boolean done, Instant updatedAt, Instant completedAt) {
        ItemState(ItemKind kind, boolean optional, boolean done, Instant updatedAt) {
            this(kind, optional, done, updatedAt, done ? updatedAt : null);
        }

        ItemState undone() {
            return new ItemState(kind, optional, false, updatedAt, null);
        }
    }

    /** The instructor's latest decision on the homework. */
    record LatestReview(boolean approved, Instant at) {}

    /**
     * @param passedAt when the homework passed (null unless PASSED): when its criterion was first met,
     *                 or the approval's time where the instructor passed it without that
     * @param late     passed after {@code due}
     */
    record Outcome(
            HomeworkStatus status,
            int requiredPrs,
            int donePrs,
            int requiredItems,
            int doneItems,
            Instant passedAt,
            boolean late) {}

    static Outcome status(PassCriterion pass, List<ItemState> items, LatestReview review) {
        return status(pass, items, review, null);
    }

    /**
     * The pass criterion is met when the homework has items, enough pull-request tasks are done and
     * every other required item is done; it is then PASSED, or SUBMITTED where the criterion asks for
     * the instructor's approval. A review decides until one of the items changes after it.
     *
     * @param pass   the homework's pass criterion, or null when it has none
     * @param review the latest review, or null
     * @param due    when the homework is due for this student, or null for no deadline
     */
    static Outcome status(PassCriterion pass, List<ItemState> items, LatestReview review, Instant due) {
        int requiredPrs = pass == null ? 0 : pass.requiredPrs();
        boolean approval = pass != null && pass.instructorApproval();
        // One pass over the items: a cohort runs this for every student and homework.
        int donePrs = 0;
        int requiredItems = 0;
        int doneItems = 0;
        boolean started = false;
        for (ItemState item : items) {
            started |= item.done();
            if (item.kind() == ItemKind.PR && item.done()) {
                donePrs++;
            }
            if (!item.optional()) {
                requiredItems++;
                if (item.done()) {
                    doneItems++;
                }
            }
        }
        boolean met = met(pass, items);
        HomeworkStatus status = met
                ? (approval ? HomeworkStatus.SUBMITTED : HomeworkStatus.PASSED)
                : started ? HomeworkStatus.IN_PROGRESS : HomeworkStatus.NOT_STARTED;
        boolean changedSinceReview = review != null
                && items.stream()
                        .anyMatch(i -> i.updatedAt() != null && i.updatedAt().isAfter(review.at()));
        if (review != null && !changedSinceReview) {
            status = review.approved() ? HomeworkStatus.PASSED : HomeworkStatus.CHANGES_REQUESTED;
        }
        Instant passedAt = null;
        if (status == HomeworkStatus.PASSED) {
            passedAt = met ? metAt(pass, items) : null;
            if (passedAt == null && !met && review != null) {
                passedAt = review.at();
            }
        }
        boolean late = passedAt != null && due != null && passedAt.isAfter(due);
        return new Outcome(status, requiredPrs, donePrs, requiredItems, doneItems, passedAt, late);
    }

    private static boolean met(PassCriterion pass, List<ItemState> items) {
        int requiredPrs = pass == null ? 0 : pass.requiredPrs();
        int donePrs = 0;
        for (ItemState item : items) {
            if (item.kind() == ItemKind.PR) {
                donePrs += item.done() ? 1 : 0;
            } else if (!item.optional() && !item.done()) {
                return false;
            }
        }
        return !items.isEmpty() && donePrs >= requiredPrs;
    }

    /**
     * The first moment the criterion held: items done by then count, later ones do not. Optional
     * work finished after the deadline does not make an on-time pass late. Null when it held with
     * nothing done (a criterion that asks for nothing): such a homework is never late.
     */
    static Instant metAt(PassCriterion pass, List<ItemState> items) {
        if (met(pass, items.stream().map(ItemState::undone).toList())) {
            return null;
        }
        List<Instant> moments = items.stream()
                .filter(ItemState::done)
                .map(ItemState::completedAt)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
        for (Instant moment : moments) {
            List<ItemState> byThen = items.stream()
                    .map(i -> i.done()
                                    && i.completedAt() != null
                                    && !i.completedAt().isAfter(moment)
                            ? i
                            : i.undone())
                    .toList();
            if (met(pass, byThen)) {
                return moment;
            }
        }
        return null;
    }
}
