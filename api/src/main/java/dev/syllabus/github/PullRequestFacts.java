package dev.syllabus.github;

import dev.syllabus.content.EvidencePolicy;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What GitHub has told us of one pull request, and how each kind of event moves it on. Check
 * results and reviews belong to the commit they were made on: a push moves {@code headSha} on and
 * makes them stale. Events arrive out of order and more than once, so each transition says whether
 * it applied or was older than what is known. Pure: no persistence, no HTTP.
 *
 * @param passedChecks names of the check runs that concluded success on {@code checksSha}
 */
public record PullRequestFacts(
        State state,
        String headSha,
        Instant updatedAt,
        Long authorId,
        String authorLogin,
        Checks checks,
        String checksSha,
        Set<String> passedChecks,
        Review review,
        String reviewSha,
        Instant reviewAt) {

    public enum State {
        OPEN,
        CLOSED,
        MERGED
    }

    public enum Checks {
        NONE,
        PENDING,
        PASSING,
        FAILING;

        /** GitHub's conclusion of a check: only {@code success} passes; neutral, skipped and the rest prove nothing. */
        static Checks ofConclusion(String conclusion) {
            return switch (conclusion == null ? "" : conclusion) {
                case "success" -> PASSING;
                case "" -> PENDING;
                default -> FAILING;
            };
        }
    }

    public enum Review {
        NONE,
        APPROVED,
        CHANGES_REQUESTED
    }

    public PullRequestFacts {
        passedChecks = Set.copyOf(passedChecks);
    }

    /** A pull request nothing is known of yet. */
    public static PullRequestFacts unknown() {
        return new PullRequestFacts(
                State.OPEN, "", null, null, null, Checks.NONE, null, Set.of(), Review.NONE, null, null);
    }

    /** A {@code pull_request} object as a delivery carries it. */
    public record PullRequestEvent(State state, String headSha, Instant updatedAt, Long authorId, String authorLogin) {}

    /** What an event did: moved the facts on, or was older than what is known and changed nothing. */
    public sealed interface Transition permits Applied, Stale {}

    public record Applied(PullRequestFacts facts) implements Transition {}

    public record Stale(String reason) implements Transition {}

    /** The pull request opened, was pushed to, closed or merged; an event older than the last one seen is stale. */
    public Transition onPullRequest(PullRequestEvent event, Instant now) {
        if (updatedAt != null && event.updatedAt() != null && event.updatedAt().isBefore(updatedAt)) {
            return new Stale("an older event than the one already processed");
        }
        return new Applied(new PullRequestFacts(
                event.state(),
                event.headSha(),
                event.updatedAt() == null ? now : event.updatedAt(),
                event.authorId() != null ? event.authorId() : authorId,
                event.authorLogin() != null ? event.authorLogin() : authorLogin,
                checks,
                checksSha,
                passedChecks,
                review,
                reviewSha,
                reviewAt));
    }

    /** A review was submitted on {@code commit}; one no newer than the latest word on reviews is stale. */
    public Transition onReview(Review decision, String commit, Instant submittedAt) {
        if (reviewAt != null && (submittedAt == null || !submittedAt.isAfter(reviewAt))) {
            return new Stale("a review older than the one already recorded");
        }
        return new Applied(withReview(decision, commit, submittedAt));
    }

    /**
     * A review was dismissed. The dismissal becomes the latest word on reviews, so an approval from
     * before it (a replay, or a delivery that arrives late) cannot return.
     */
    public PullRequestFacts onDismissal(String commit, Instant dismissedAt) {
        Review remaining = commit.equals(reviewSha) ? Review.NONE : review;
        return withReview(remaining, reviewSha, latest(reviewAt, dismissedAt));
    }

    /** A check suite completed on {@code sha} with GitHub's {@code conclusion}; only {@code success} passes. */
    public Transition onCheckSuite(String sha, String conclusion) {
        if (!sha.equals(headSha)) {
            return new Stale("checks of an older commit, ignored");
        }
        Set<String> runs = sha.equals(checksSha) ? passedChecks : Set.of();
        return new Applied(withChecks(Checks.ofConclusion(conclusion), sha, runs));
    }

    /** A named check run completed on {@code sha}; a success adds its name, anything else takes it away. */
    public Transition onCheckRun(String sha, String name, String conclusion) {
        if (!sha.equals(headSha)) {
            return new Stale("checks of an older commit, ignored");
        }
        boolean sameCommit = sha.equals(checksSha);
        Set<String> runs = new HashSet<>(sameCommit ? passedChecks : Set.of());
        if (Checks.ofConclusion(conclusion) == Checks.PASSING) {
            runs.add(name);
        } else {
            runs.remove(name);
        }
        return new Applied(withChecks(sameCommit ? checks : Checks.NONE, sha, runs));
    }

    /**
     * The checks on the current head commit, as the course counts them: with named checks, passing
     * once every one of them succeeded; without, the check suite's conclusion. NONE once a push made
     * the last result stale.
     */
    public Checks currentChecks(EvidencePolicy policy) {
        if (!headSha.equals(checksSha)) {
            return Checks.NONE;
        }
        if (policy.checks().isEmpty()) {
            return checks;
        }
        if (passedChecks.containsAll(policy.checks())) {
            return Checks.PASSING;
        }
        return checks == Checks.FAILING ? Checks.FAILING : Checks.PENDING;
    }

    /** The review on the current head commit; NONE once a push made the last one stale. */
    public Review currentReview() {
        return headSha.equals(reviewSha) ? review : Review.NONE;
    }

    private PullRequestFacts withReview(Review newReview, String sha, Instant at) {
        return new PullRequestFacts(
                state, headSha, updatedAt, authorId, authorLogin, checks, checksSha, passedChecks, newReview, sha, at);
    }

    private PullRequestFacts withChecks(Checks newChecks, String sha, Set<String> runs) {
        return new PullRequestFacts(
                state, headSha, updatedAt, authorId, authorLogin, newChecks, sha, runs, review, reviewSha, reviewAt);
    }

    /** The later of two times, either of which may be unknown. */
    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
