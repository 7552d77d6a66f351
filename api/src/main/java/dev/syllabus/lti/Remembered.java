package dev.syllabus.lti;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database and believed for a short while on this replica: read again once
 * older than {@code lifetime}, or at once after {@link #forget()} (a change made here). Another
 * replica's change shows within the lifetime.
 */
final class Remembered<T> {

    private record Read<T>(T value, Instant at) {}

    private final Duration lifetime;
    private final Supplier<T> read;
    private volatile Read<T> last;

    Remembered(Duration lifetime, Supplier<T> read) {
        this.lifetime = lifetime;
        this.read = read;
    }

    T get() {
        Read<T> known = last;
        Instant now = Instant.now();
        if (known == null || known.at().plus(lifetime).isBefore(now)) {
            known = new Read<>(read.get(), now);
            last = known;
        }
        return known.value();
    }

    void forget() {
        last = null;
    }
}
