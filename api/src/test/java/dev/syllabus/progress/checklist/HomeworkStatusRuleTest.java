package dev.syllabus.progress.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.content.PassCriterion;
import dev.syllabus.progress.checklist.ChecklistItem.ItemKind;
import dev.syllabus.progress.checklist.HomeworkStatusRule.HomeworkStatus;
import dev.syllabus.progress.checklist.HomeworkStatusRule.ItemState;
import dev.syllabus.progress.checklist.HomeworkStatusRule.LatestReview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A homework's status from its items, pass criterion and review, called directly. */
class HomeworkStatusRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final PassCriterion TWO_PRS = new PassCriterion("2 PRs merged", 2, 3, false);
    private static final PassCriterion TWO_PRS_APPROVED = new PassCriterion("2 PRs merged and approved", 2, 3, true);

    private static ItemState pr(boolean done) {
        return new ItemState(ItemKind.PR, false, done, done ? T0 : null);
    }

    private static ItemState optionalPr(boolean done) {
        return new ItemState(ItemKind.PR, true, done, done ? T0 : null);
    }

    @Test
    void enoughPullRequestsPassEvenWhenTheyAreTheOptionalOnes() {
        // As the course's author wrote H3: optional PRs count towards "2 PRs".
        List<ItemState> items = List.of(pr(true), optionalPr(true), optionalPr(false));
        assertThat(HomeworkStatusRule.status(TWO_PRS, items, null).status()).isEqualTo(HomeworkStatus.PASSED);
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, null).status())
                .isEqualTo(HomeworkStatus.SUBMITTED);
        assertThat(HomeworkStatusRule.status(TWO_PRS, List.of(pr(true), optionalPr(false)), null)
                        .status())
                .isEqualTo(HomeworkStatus.IN_PROGRESS);
        assertThat(HomeworkStatusRule.status(TWO_PRS, List.of(pr(false), optionalPr(false)), null)
                        .status())
                .isEqualTo(HomeworkStatus.NOT_STARTED);
    }

    @Test
    void aReviewDecidesUntilAnItemChangesAfterIt() {
        List<ItemState> items = List.of(pr(true), optionalPr(true));
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, new LatestReview(true, T0.plusSeconds(1)))
                        .status())
                .isEqualTo(HomeworkStatus.PASSED);
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, new LatestReview(false, T0.plusSeconds(1)))
                        .status())
                .isEqualTo(HomeworkStatus.CHANGES_REQUESTED);
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, new LatestReview(false, T0.minusSeconds(1)))
                        .status())
                .as("changed since the review")
                .isEqualTo(HomeworkStatus.SUBMITTED);
    }

    @Provide
    Arbitrary<List<ItemState>> items() {
        Arbitrary<ItemState> item = Combinators.combine(
                        Arbitraries.of(ItemKind.PR, ItemKind.DOC, ItemKind.OTHER),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 20))
                .as((kind, optional, done, second) ->
                        new ItemState(kind, optional, done, done ? T0.plusSeconds(second) : null));
        return item.list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<PassCriterion> criteria() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((prs, approval) -> new PassCriterion(prs + " PRs", prs, 3, approval))
                .injectNull(0.2);
    }

    private static int rank(HomeworkStatus status) {
        return switch (status) {
            case NOT_STARTED -> 0;
            case IN_PROGRESS -> 1;
            case SUBMITTED, PASSED, CHANGES_REQUESTED -> 2;
        };
    }

    /** Without a review, ticking one more item never moves a homework backwards. */
    @Property(tries = 1000)
    void tickingMoreNeverMovesBackwards(
            @ForAll("criteria") PassCriterion pass,
            @ForAll("items") List<ItemState> items,
            @ForAll("seconds") int which) {
        if (items.isEmpty()) {
            return;
        }
        int index = which % items.size();
        ItemState item = items.get(index);
        List<ItemState> ticked = new ArrayList<>(items);
        ticked.set(index, new ItemState(item.kind(), item.optional(), true, T0.plusSeconds(30)));

        assertThat(rank(HomeworkStatusRule.status(pass, ticked, null).status()))
                .isGreaterThanOrEqualTo(
                        rank(HomeworkStatusRule.status(pass, items, null).status()));
    }

    /** A review nothing changed after decides; once an item changes after it, the items decide again. */
    @Property(tries = 1000)
    void aStandingReviewDecides(
            @ForAll("criteria") PassCriterion pass, @ForAll("items") List<ItemState> items, @ForAll boolean approved) {
        HomeworkStatus after = HomeworkStatusRule.status(pass, items, new LatestReview(approved, T0.plusSeconds(25)))
                .status();
        assertThat(after).isEqualTo(approved ? HomeworkStatus.PASSED : HomeworkStatus.CHANGES_REQUESTED);

        HomeworkStatus before = HomeworkStatusRule.status(pass, items, new LatestReview(approved, T0.minusSeconds(1)))
                .status();
        boolean anyChange = items.stream().anyMatch(i -> i.updatedAt() != null);
        if (anyChange) {
            assertThat(before)
                    .isEqualTo(HomeworkStatusRule.status(pass, items, null).status());
        }
    }

    /** An optional item that is not a pull request never stands between a student and a pass. */
    @Property(tries = 1000)
    void optionalItemsBesidesPullRequestsNeverBlock(
            @ForAll("criteria") PassCriterion pass, @ForAll("items") List<ItemState> items) {
        List<ItemState> withoutOptional = items.stream()
                .filter(i -> !(i.optional() && i.kind() != ItemKind.PR))
                .toList();
        if (withoutOptional.isEmpty()) {
            return;
        }
        assertThat(rank(HomeworkStatusRule.status(pass, items, null).status()))
                .isGreaterThanOrEqualTo(rank(
                        HomeworkStatusRule.status(pass, withoutOptional, null).status()));
    }

    @Provide
    Arbitrary<Integer> seconds() {
        return Arbitraries.integers().between(0, 20);
    }

    @Test
    void aPassAfterItsDueTimeIsLateButStillAPassAndOptionalWorkAfterwardsDoesNotMakeItLate() {
        Instant due = T0.plusSeconds(10);
        List<ItemState> onTime = List.of(
                new ItemState(ItemKind.PR, false, true, T0, T0.plusSeconds(5)),
                new ItemState(ItemKind.PR, true, true, T0, T0.plusSeconds(8)),
                new ItemState(ItemKind.PR, true, true, T0.plusSeconds(60), T0.plusSeconds(60)));
        HomeworkStatusRule.Outcome outcome = HomeworkStatusRule.status(TWO_PRS, onTime, null, due);
        assertThat(outcome.status()).isEqualTo(HomeworkStatus.PASSED);
        assertThat(outcome.passedAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(outcome.late()).isFalse();

        List<ItemState> late = List.of(
                new ItemState(ItemKind.PR, false, true, T0, T0.plusSeconds(5)),
                new ItemState(ItemKind.PR, true, true, T0, T0.plusSeconds(11)));
        assertThat(HomeworkStatusRule.status(TWO_PRS, late, null, due)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(HomeworkStatus.PASSED);
            assertThat(o.late()).isTrue();
        });
        assertThat(HomeworkStatusRule.status(TWO_PRS, late, null, null).late())
                .as("no deadline, never late")
                .isFalse();
    }

    @Test
    void whereTheInstructorMustApproveTheSubmissionTimeCountsNotTheApprovalsTime() {
        List<ItemState> submitted = List.of(
                new ItemState(ItemKind.PR, false, true, T0, T0), new ItemState(ItemKind.PR, false, true, T0, T0));
        HomeworkStatusRule.Outcome approvedLater = HomeworkStatusRule.status(
                TWO_PRS_APPROVED, submitted, new LatestReview(true, T0.plusSeconds(100)), T0.plusSeconds(50));
        assertThat(approvedLater.status()).isEqualTo(HomeworkStatus.PASSED);
        assertThat(approvedLater.passedAt()).isEqualTo(T0);
        assertThat(approvedLater.late()).isFalse();
        // Passed by the instructor without the criterion met: the approval is the pass.
        HomeworkStatusRule.Outcome byApproval = HomeworkStatusRule.status(
                TWO_PRS_APPROVED, List.of(pr(false)), new LatestReview(true, T0.plusSeconds(100)), T0.plusSeconds(50));
        assertThat(byApproval.passedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(byApproval.late()).isTrue();
    }

    /** The pass time is the first moment the criterion held: met with the items done by then, not met just before. */
    @Property(tries = 1000)
    void aHomeworkPassesAtTheFirstMomentItsCriterionHeld(
            @ForAll("criteria") PassCriterion pass, @ForAll("items") List<ItemState> items) {
        HomeworkStatusRule.Outcome outcome = HomeworkStatusRule.status(pass, items, null, T0.plusSeconds(10));
        if (outcome.status() != HomeworkStatus.PASSED) {
            assertThat(outcome.passedAt()).isNull();
            assertThat(outcome.late()).isFalse();
            return;
        }
        Instant at = outcome.passedAt();
        if (at == null) {
            assertThat(HomeworkStatusRule.status(
                                    pass, items.stream().map(ItemState::undone).toList(), null)
                            .status())
                    .as("passed with nothing done")
                    .isEqualTo(HomeworkStatus.PASSED);
            assertThat(outcome.late()).isFalse();
            return;
        }
        assertThat(items).anySatisfy(i -> assertThat(i.completedAt()).isEqualTo(at));
        List<ItemState> byThen = items.stream()
                .map(i -> i.done() && !i.completedAt().isAfter(at) ? i : i.undone())
                .toList();
        List<ItemState> justBefore = items.stream()
                .map(i -> i.done() && i.completedAt().isBefore(at) ? i : i.undone())
                .toList();
        assertThat(HomeworkStatusRule.status(pass, byThen, null).status()).isEqualTo(HomeworkStatus.PASSED);
        assertThat(HomeworkStatusRule.status(pass, justBefore, null).status()).isNotEqualTo(HomeworkStatus.PASSED);
        assertThat(outcome.late()).isEqualTo(at.isAfter(T0.plusSeconds(10)));
    }
}
