package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Scores of one student's homework on their way to a platform: whatever the order in which
 * status changes, attempts, successes and failures come, the platform ends with the score of the
 * last status, and never takes an older score after a newer one.
 */
class ScoreQueueTest {

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    private static final List<String> STATUSES = List.of("passed", "passed_late", "reopened");

    /** A step: a status change, the start of an attempt, the end of the attempt under way, or an instructor's resend. */
    sealed interface Step permits Change, Start, Finish, Resend {}

    record Change(String status) implements Step {}

    record Start() implements Step {}

    record Finish(boolean taken) implements Step {}

    record Resend() implements Step {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.of(STATUSES).map(Change::new),
                Arbitraries.just(new Start()),
                Arbitraries.of(true, false).map(Finish::new),
                Arbitraries.just(new Resend()));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property
    void thePlatformEndsWithTheScoreOfTheLastStatus(
            @ForAll("steps") @Size(min = 1) List<Step> steps, @ForAll("penalty") int latePenalty) {
        ScoreQueue queue = ScoreQueue.empty(T0);
        Instant now = T0;
        String lastStatus = null;
        /** The attempt under way: the version and body it sends. */
        ScoreQueue inFlight = null;
        List<ScoreQueue> taken = new ArrayList<>();
        for (Step step : steps) {
            now = now.plusSeconds(1);
            switch (step) {
                case Change change -> {
                    lastStatus = change.status();
                    queue = queue.offer(body(change.status(), latePenalty, now), now);
                }
                case Resend ignored -> queue = queue.resent(now);
                case Start ignored -> {
                    if (inFlight == null && queue.pending()) {
                        inFlight = queue;
                    }
                }
                case Finish finish -> {
                    if (inFlight != null) {
                        if (finish.taken()) {
                            taken.add(inFlight);
                            queue = queue.delivered(inFlight.version());
                        } else {
                            queue = queue.failed(inFlight.version(), now, Duration.ofSeconds(5));
                        }
                        inFlight = null;
                    }
                }
            }
        }
        // The platform comes back for good: attempts run until nothing waits.
        if (inFlight != null) {
            taken.add(inFlight);
            queue = queue.delivered(inFlight.version());
        }
        while (queue.pending()) {
            taken.add(queue);
            queue = queue.delivered(queue.version());
        }

        for (int i = 1; i < taken.size(); i++) {
            assertThat(taken.get(i).version())
                    .as("never an older score after a newer")
                    .isGreaterThan(taken.get(i - 1).version());
        }
        if (lastStatus == null) {
            assertThat(taken).isEmpty();
        } else {
            assertThat(taken.getLast().body()).startsWith(lastStatus + ":");
            assertThat(taken.getLast().version()).isEqualTo(queue.version());
        }
    }

    @Provide
    Arbitrary<Integer> penalty() {
        return Arbitraries.integers().between(0, 100);
    }

    @Property
    void aFailureWaitsUnlessANewerScoreCameMeanwhile(@ForAll("penalty") int latePenalty) {
        ScoreQueue queue = ScoreQueue.empty(T0).offer(body("passed", latePenalty, T0), T0);
        ScoreQueue attempt = queue;
        ScoreQueue failed = queue.failed(attempt.version(), T0.plusSeconds(1), Duration.ofSeconds(30));
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plusSeconds(31));
        assertThat(failed.attempts()).isEqualTo(1);

        ScoreQueue newer = queue.offer(body("reopened", latePenalty, T0), T0.plusSeconds(1));
        ScoreQueue failedMeanwhile = newer.failed(attempt.version(), T0.plusSeconds(2), Duration.ofSeconds(30));
        assertThat(failedMeanwhile.nextAttemptAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(failedMeanwhile.pending()).isTrue();
    }

    /** The score's body as the queue carries it, starting with its status so the test can read it back. */
    private static String body(String status, int latePenalty, Instant at) {
        ScoreRule.Score score = ScoreRule.of(status, latePenalty, at, List.of());
        return status + ":" + score.given() + ":" + score.gradingProgress() + ":" + score.timestamp();
    }
}
