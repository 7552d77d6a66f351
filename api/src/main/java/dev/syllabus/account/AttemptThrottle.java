package dev.syllabus.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts attempts per key (a client address, a course) over a fixed window. An attempt is counted
 * before it is checked, and given back when it succeeds, so a burst of concurrent guesses cannot
 * slip past the limit. Windows expire with their period and at most {@link #MAX_KEYS} are kept:
 * memory stays bounded whatever keys arrive. Per replica, which only makes it stricter behind a
 * load balancer.
 */
public final class AttemptThrottle {

    static final int MAX_KEYS = 100_000;

    private record Window(Instant start, AtomicInteger attempts) {}

    private final Cache<String, Window> windows;
    private final int max;
    private final Duration period;
    private final Clock clock = Clock.systemUTC();

    public AttemptThrottle(int max, Duration period) {
        this.max = max;
        this.period = period;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(period)
                .build();
    }

    /**
     * Counts an attempt for {@code key}.
     *
     * @return null when it may go ahead, else when the key may try again
     */
    public Instant attempt(String key) {
        Window window = windows.get(key, k -> new Window(clock.instant(), new AtomicInteger()));
        if (window.attempts().incrementAndGet() <= max) {
            return null;
        }
        window.attempts().decrementAndGet();
        return window.start().plus(period);
    }

    /**
     * When {@code key} may try again, or null when it may now; counts nothing. For checks that are
     * cheap and guard a large space (join codes): only their failures count ({@link #failed}), so
     * that many honest attempts at once (a classroom behind one address) are never refused. A burst
     * of guesses can overshoot the limit by the requests in flight, then waits like any other.
     */
    public Instant blockedUntil(String key) {
        Window window = windows.getIfPresent(key);
        return window != null && window.attempts().get() >= max ? window.start().plus(period) : null;
    }

    /** A checked attempt failed: it counts against {@code key}. */
    public void failed(String key) {
        windows.get(key, k -> new Window(clock.instant(), new AtomicInteger()))
                .attempts()
                .incrementAndGet();
    }

    /** The attempt succeeded: it does not count against the key. */
    public void succeeded(String key) {
        Window window = windows.getIfPresent(key);
        if (window != null) {
            window.attempts().decrementAndGet();
        }
    }
}
