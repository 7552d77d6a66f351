package dev.syllabus.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two ways attempts are counted: reserved before a costly check, or only when a cheap check failed. */
class AttemptThrottleTest {

    @Test
    void reservedAttemptsCountWhileInFlightSoABurstOfGuessesGetsNoMoreThanTheLimit() {
        AttemptThrottle throttle = new AttemptThrottle(5, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("203.0.113.9")).isNull();
        }
        assertThat(throttle.attempt("203.0.113.9")).as("the sixth at once").isNotNull();
        throttle.succeeded("203.0.113.9");
        assertThat(throttle.attempt("203.0.113.9"))
                .as("a success gives its place back")
                .isNull();
    }

    @Test
    void onlyFailedChecksCountSoAnyNumberOfHonestAttemptsAtOnceIsNeverRefused() {
        AttemptThrottle throttle = new AttemptThrottle(5, Duration.ofMinutes(5));
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.blockedUntil("203.0.113.9")).isNull();
        }
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.9");
        }
        assertThat(throttle.blockedUntil("203.0.113.9")).isNull();
        throttle.failed("203.0.113.9");
        Instant until = throttle.blockedUntil("203.0.113.9");
        assertThat(until).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(throttle.blockedUntil("198.51.100.7")).as("another address").isNull();
    }
}
