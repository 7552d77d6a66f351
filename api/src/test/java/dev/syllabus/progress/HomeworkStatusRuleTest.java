package dev.syllabus.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.syllabus.content.PassCriterion;
import dev.syllabus.progress.ChecklistItem.ItemKind;
import dev.syllabus.progress.HomeworkStatusRule.HomeworkStatus;
import dev.syllabus.progress.HomeworkStatusRule.ItemState;
import dev.syllabus.progress.HomeworkStatusRule.LatestReview;

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
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, null).status()).isEqualTo(HomeworkStatus.SUBMITTED);
        assertThat(HomeworkStatusRule.status(TWO_PRS, List.of(pr(true), optionalPr(false)), null).status())
                .isEqualTo(HomeworkStatus.IN_PROGRESS);
        assertThat(HomeworkStatusRule.status(TWO_PRS, List.of(pr(false), optionalPr(false)), null).status())
                .isEqualTo(HomeworkStatus.NOT_STARTED);
    }

    @Test
    void aReviewDecidesUntilAnItemChangesAfterIt() {
        List<ItemState> items = List.of(pr(true), optionalPr(true));
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, new LatestReview(true, T0.plusSeconds(1))).status())
                .isEqualTo(HomeworkStatus.PASSED);
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, new LatestReview(false, T0.plusSeconds(1))).status())
                .isEqualTo(HomeworkStatus.CHANGES_REQUESTED);
        assertThat(HomeworkStatusRule.status(TWO_PRS_APPROVED, items, new LatestReview(false, T0.minusSeconds(1))).status())
                .as("changed since the review").isEqualTo(HomeworkStatus.SUBMITTED);
    }

    @Provide
    Arbitrary<List<ItemState>> items() {
        Arbitrary<ItemState> item = Combinators.combine(Arbitraries.of(ItemKind.PR, ItemKind.DOC, ItemKind.OTHER), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 20))
                .as((kind, optional, done, second) -> new ItemState(kind, optional, done, done ? T0.plusSeconds(second) : null));
        return item.list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<PassCriterion> criteria() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((prs, approval) -> new PassCriterion(prs + " PRs", prs, 3, approval)).injectNull(0.2);
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
    void tickingMoreNeverMovesBackwards(@ForAll("criteria") PassCriterion pass, @ForAll("items") List<ItemState> items,
            @ForAll("seconds") int which) {
        if (items.isEmpty()) {
            return;
        }
        int index = which % items.size();
        ItemState item = items.get(index);
        List<ItemState> ticked = new java.util.ArrayList<>(items);
        ticked.set(index, new ItemState(item.kind(), item.optional(), true, T0.plusSeconds(30)));

        assertThat(rank(HomeworkStatusRule.status(pass, ticked, null).status()))
                .isGreaterThanOrEqualTo(rank(HomeworkStatusRule.status(pass, items, null).status()));
    }

    /** A review nothing changed after decides; once an item changes after it, the items decide again. */
    @Property(tries = 1000)
    void aStandingReviewDecides(@ForAll("criteria") PassCriterion pass, @ForAll("items") List<ItemState> items, @ForAll boolean approved) {
        HomeworkStatus after = HomeworkStatusRule.status(pass, items, new LatestReview(approved, T0.plusSeconds(25))).status();
        assertThat(after).isEqualTo(approved ? HomeworkStatus.PASSED : HomeworkStatus.CHANGES_REQUESTED);

        HomeworkStatus before = HomeworkStatusRule.status(pass, items, new LatestReview(approved, T0.minusSeconds(1))).status();
        boolean anyChange = items.stream().anyMatch(i -> i.updatedAt() != null);
        if (anyChange) {
            assertThat(before).isEqualTo(HomeworkStatusRule.status(pass, items, null).status());
        }
    }

    /** An optional item that is not a pull request never stands between a student and a pass. */
    @Property(tries = 1000)
    void optionalItemsBesidesPullRequestsNeverBlock(@ForAll("criteria") PassCriterion pass, @ForAll("items") List<ItemState> items) {
        List<ItemState> withoutOptional = items.stream().filter(i -> !(i.optional() && i.kind() != ItemKind.PR)).toList();
        if (withoutOptional.isEmpty()) {
            return;
        }
        assertThat(HomeworkStatusRule.status(pass, items, null).status() == HomeworkStatus.NOT_STARTED
                || rank(HomeworkStatusRule.status(pass, items, null).status()) >= rank(HomeworkStatusRule.status(pass, withoutOptional, null).status()))
                .isTrue();
    }

    @Provide
    Arbitrary<Integer> seconds() {
        return Arbitraries.integers().between(0, 20);
    }
}
