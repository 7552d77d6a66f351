package dev.syllabus.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: soon at first (seconds, then minutes), then further and
 * further apart, for a little more than a day in all; each wait is moved by up to a fifth either
 * way, so receivers coming back from an outage are not met by every sender at the same instant.
 */
public final class RetrySchedule {

    /** The waits after the first, second, ... failed attempt; after the last, the delivery has failed. */
    static final List<Duration> WAITS = List.of(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(8),
            Duration.ofHours(8));

    static final double JITTER = 0.2;

    private RetrySchedule() {}

    /** How long to wait after {@code failedAttempts} failures, or empty when there is no next try. */
    public static Optional<Duration> after(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1 || failedAttempts > WAITS.size()) {
            return Optional.empty();
        }
        Duration wait = WAITS.get(failedAttempts - 1);
        double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.round(wait.toMillis() * factor)));
    }

    /** How many attempts a delivery gets in all. */
    public static int attempts() {
        return WAITS.size() + 1;
    }
}
