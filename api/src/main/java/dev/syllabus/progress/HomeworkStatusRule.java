package dev.syllabus.progress;

import java.time.Instant;
import java.util.List;

import dev.syllabus.content.PassCriterion;
import dev.syllabus.progress.ChecklistItem.ItemKind;

/**
 * A homework's status from its items, its pass criterion and the instructor's latest review. Pure,
 * so that its many cases are tested directly.
 */
public final class HomeworkStatusRule {

    private HomeworkStatusRule() {
    }

    public enum HomeworkStatus { NOT_STARTED, IN_PROGRESS, SUBMITTED, CHANGES_REQUESTED, PASSED }

    /** One of the homework's checklist items as far as the rule cares. */
    record ItemState(ItemKind kind, boolean optional, boolean done, Instant updatedAt) {
    }

    /** The instructor's latest decision on the homework. */
    record LatestReview(boolean approved, Instant at) {
    }

    record Outcome(HomeworkStatus status, int requiredPrs, int donePrs, int requiredItems, int doneItems) {
    }

    /**
     * The pass criterion is met when the homework has items, enough pull-request tasks are done and
     * every other required item is done; it is then PASSED, or SUBMITTED where the criterion asks for
     * the instructor's approval. A review decides until one of the items changes after it.
     *
     * @param pass   the homework's pass criterion, or null when it has none
     * @param review the latest review, or null
     */
    static Outcome status(PassCriterion pass, List<ItemState> items, LatestReview review) {
        int requiredPrs = pass == null ? 0 : pass.requiredPrs();
        boolean approval = pass != null && pass.instructorApproval();
        int donePrs = (int) items.stream().filter(i -> i.kind() == ItemKind.PR && i.done()).count();
        int requiredItems = (int) items.stream().filter(i -> !i.optional()).count();
        int doneItems = (int) items.stream().filter(i -> !i.optional() && i.done()).count();
        boolean otherRequiredDone = items.stream().filter(i -> !i.optional() && i.kind() != ItemKind.PR).allMatch(ItemState::done);
        boolean met = !items.isEmpty() && donePrs >= requiredPrs && otherRequiredDone;
        boolean started = items.stream().anyMatch(ItemState::done);
        HomeworkStatus status = met ? (approval ? HomeworkStatus.SUBMITTED : HomeworkStatus.PASSED)
                : started ? HomeworkStatus.IN_PROGRESS : HomeworkStatus.NOT_STARTED;
        boolean changedSinceReview = review != null
                && items.stream().anyMatch(i -> i.updatedAt() != null && i.updatedAt().isAfter(review.at()));
        if (review != null && !changedSinceReview) {
            status = review.approved() ? HomeworkStatus.PASSED : HomeworkStatus.CHANGES_REQUESTED;
        }
        return new Outcome(status, requiredPrs, donePrs, requiredItems, doneItems);
    }
}
