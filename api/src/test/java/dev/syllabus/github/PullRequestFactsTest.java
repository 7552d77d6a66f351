package dev.syllabus.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.github.PullRequestFacts.Applied;
import dev.syllabus.github.PullRequestFacts.Checks;
import dev.syllabus.github.PullRequestFacts.PullRequestEvent;
import dev.syllabus.github.PullRequestFacts.Review;
import dev.syllabus.github.PullRequestFacts.Stale;
import dev.syllabus.github.PullRequestFacts.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The pull-request state machine: how GitHub's events, in any order and repeated, move a pull request on. */
class PullRequestFactsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String HEAD = "a".repeat(40);
    private static final String NEXT = "b".repeat(40);
    private static final EvidencePolicy ANY_SUITE = EvidencePolicy.DEFAULT;
    private static final EvidencePolicy NAMED = new EvidencePolicy(List.of(), List.of("test", "lint"));

    private static PullRequestFacts opened(String sha) {
        return applied(PullRequestFacts.unknown()
                .onPullRequest(new PullRequestEvent(State.OPEN, sha, T0, 583231L, "octocat"), T0));
    }

    private static PullRequestFacts applied(PullRequestFacts.Transition transition) {
        assertThat(transition).isInstanceOf(Applied.class);
        return ((Applied) transition).facts();
    }

    @Test
    void onlyASuccessfulSuiteOnTheHeadCommitPasses() {
        PullRequestFacts pr = opened(HEAD);

        assertThat(applied(pr.onCheckSuite(HEAD, "success")).currentChecks(ANY_SUITE))
                .isEqualTo(Checks.PASSING);
        assertThat(applied(pr.onCheckSuite(HEAD, "neutral")).currentChecks(ANY_SUITE))
                .isEqualTo(Checks.FAILING);
        assertThat(applied(pr.onCheckSuite(HEAD, "skipped")).currentChecks(ANY_SUITE))
                .isEqualTo(Checks.FAILING);
        assertThat(applied(pr.onCheckSuite(HEAD, "")).currentChecks(ANY_SUITE)).isEqualTo(Checks.PENDING);
        assertThat(pr.onCheckSuite(NEXT, "success")).isInstanceOf(Stale.class);
    }

    @Test
    void aPushMakesChecksAndReviewsStale() {
        PullRequestFacts passed = applied(
                applied(opened(HEAD).onCheckSuite(HEAD, "success")).onReview(Review.APPROVED, HEAD, T0.plusSeconds(5)));
        PullRequestFacts pushed = applied(
                passed.onPullRequest(new PullRequestEvent(State.OPEN, NEXT, T0.plusSeconds(10), null, null), T0));

        assertThat(pushed.currentChecks(ANY_SUITE)).isEqualTo(Checks.NONE);
        assertThat(pushed.currentReview()).isEqualTo(Review.NONE);
        assertThat(pushed.authorId())
                .as("an event without its author keeps the known one")
                .isEqualTo(583231L);
    }

    @Test
    void withNamedChecksTheSuiteAloneProvesNothingAndEveryNamedRunMustSucceed() {
        PullRequestFacts pr = applied(opened(HEAD).onCheckSuite(HEAD, "success"));
        assertThat(pr.currentChecks(NAMED)).isEqualTo(Checks.PENDING);

        pr = applied(pr.onCheckRun(HEAD, "test", "success"));
        assertThat(pr.currentChecks(NAMED)).isEqualTo(Checks.PENDING);
        pr = applied(pr.onCheckRun(HEAD, "lint", "success"));
        assertThat(pr.currentChecks(NAMED)).isEqualTo(Checks.PASSING);
        pr = applied(pr.onCheckRun(HEAD, "lint", "failure"));
        assertThat(pr.currentChecks(NAMED))
                .as("a later failure of the same run takes it back")
                .isEqualTo(Checks.PENDING);
        assertThat(pr.onCheckRun(NEXT, "lint", "success")).isInstanceOf(Stale.class);
    }

    @Test
    void aDismissalIsTheLatestWordSoAnOlderApprovalCannotReturn() {
        PullRequestFacts approved = applied(opened(HEAD).onReview(Review.APPROVED, HEAD, T0.plusSeconds(60)));
        PullRequestFacts dismissed = approved.onDismissal(HEAD, T0.plusSeconds(120));

        assertThat(dismissed.currentReview()).isEqualTo(Review.NONE);
        assertThat(dismissed.onReview(Review.APPROVED, HEAD, T0.plusSeconds(60)))
                .isInstanceOf(Stale.class);
        assertThat(dismissed.onReview(Review.APPROVED, HEAD, null)).isInstanceOf(Stale.class);
        assertThat(applied(dismissed.onReview(Review.APPROVED, HEAD, T0.plusSeconds(180)))
                        .currentReview())
                .isEqualTo(Review.APPROVED);
    }

    /** Pull-request events delivered in any order, any number of times, leave the newest one's state. */
    @Property(tries = 300)
    void pullRequestEventsInAnyOrderEndAtTheNewest(@ForAll @IntRange(min = 1, max = 8) int count, @ForAll long seed) {
        List<PullRequestEvent> events = new ArrayList<>();
        State[] states = State.values();
        for (int i = 0; i < count; i++) {
            events.add(new PullRequestEvent(
                    states[i % states.length],
                    Integer.toString(i).repeat(40).substring(0, 40),
                    T0.plusSeconds(i),
                    583231L,
                    "octocat"));
        }
        PullRequestEvent newest = events.get(count - 1);
        List<PullRequestEvent> delivered = new ArrayList<>(events);
        delivered.addAll(events.subList(0, Math.min(2, count)));
        Collections.shuffle(delivered, new Random(seed));

        PullRequestFacts pr = PullRequestFacts.unknown();
        for (PullRequestEvent event : delivered) {
            if (pr.onPullRequest(event, T0) instanceof Applied applied) {
                pr = applied.facts();
            }
        }
        assertThat(pr.state()).isEqualTo(newest.state());
        assertThat(pr.headSha()).isEqualTo(newest.headSha());
        assertThat(pr.updatedAt()).isEqualTo(newest.updatedAt());
    }

    /** Whatever reviews and dismissals arrive, in whatever order, an approval is current only if no dismissal came at or after it. */
    @Property(tries = 300)
    void anApprovalStandsOnlyWhenNothingDismissedItLater(
            @ForAll @IntRange(min = 1, max = 6) int count, @ForAll long seed) {
        Random random = new Random(seed);
        PullRequestFacts pr = opened(HEAD);
        Instant latestDismissal = null;
        Instant acceptedApproval = null;
        // The rule as a model, from the events alone: a dismissal clears the review and is the latest
        // word; an approval counts only when it is newer than every word before it.
        Instant latestWord = null;
        boolean approvedByModel = false;
        for (int i = 0; i < count; i++) {
            Instant at = T0.plusSeconds(random.nextInt(10));
            if (random.nextBoolean()) {
                if (latestDismissal == null || at.isAfter(latestDismissal)) {
                    latestDismissal = at;
                }
                approvedByModel = false;
                latestWord = latestWord == null || at.isAfter(latestWord) ? at : latestWord;
                pr = pr.onDismissal(HEAD, at);
            } else {
                if (latestWord == null || at.isAfter(latestWord)) {
                    approvedByModel = true;
                    latestWord = at;
                }
                if (pr.onReview(Review.APPROVED, HEAD, at) instanceof Applied applied) {
                    pr = applied.facts();
                    acceptedApproval = at;
                }
            }
        }
        assertThat(pr.currentReview() == Review.APPROVED).isEqualTo(approvedByModel);
        if (pr.currentReview() == Review.APPROVED) {
            assertThat(acceptedApproval).isNotNull();
            assertThat(latestDismissal == null || acceptedApproval.isAfter(latestDismissal))
                    .isTrue();
        }
        assertThat(pr.passedChecks()).isEqualTo(Set.of());
    }
}
