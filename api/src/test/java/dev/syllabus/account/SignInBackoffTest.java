package dev.syllabus.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** How long a guessing address waits, decided directly. */
class SignInBackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Property(tries = 500)
    void theFreeFailuresPassThenEachFailureWaitsAtLeastAsLongAsTheOneBeforeUpToTheCap(
            @ForAll @IntRange(min = 1, max = 10) int free,
            @ForAll @IntRange(min = 1, max = 600) int baseSeconds,
            @ForAll @IntRange(min = 1, max = 64) int capFactor,
            @ForAll @IntRange(min = 1, max = 80) int failures) {
        SignInBackoff backoff = new SignInBackoff(
                free, Duration.ofSeconds(baseSeconds), Duration.ofSeconds((long) baseSeconds * capFactor));
        SignInBackoff.State state = SignInBackoff.State.CLEAN;
        Duration previous = Duration.ZERO;
        Instant now = NOW;
        for (int i = 1; i <= failures; i++) {
            assertThat(backoff.blockedUntil(state, now))
                    .as("failure %d may be tried", i)
                    .isNull();
            state = backoff.failed(state, now);
            Instant until = backoff.blockedUntil(state, now);
            if (i < free) {
                assertThat(until).as("failure %d of %d free", i, free).isNull();
                continue;
            }
            Duration wait = Duration.between(now, until);
            assertThat(wait).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(backoff.max());
            assertThat(wait).isGreaterThanOrEqualTo(backoff.base());
            assertThat(wait)
                    .as("doubles until the cap")
                    .isEqualTo(min(previous.isZero() ? backoff.base() : previous.multipliedBy(2), backoff.max()));
            previous = wait;
            assertThat(backoff.blockedUntil(state, until.minusMillis(1))).isEqualTo(until);
            assertThat(backoff.blockedUntil(state, until))
                    .as("free again once the wait is over")
                    .isNull();
            now = until;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
