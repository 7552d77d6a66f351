package dev.syllabus.account;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts sign-in attempts per client address over a window of the lockout period, so one address
 * cannot try passwords across many accounts. An attempt is counted before its password is checked
 * (and given back when it succeeds), so a burst of concurrent guesses cannot slip past the limit.
 * Windows expire with the lockout period and at most {@link #MAX_ADDRESSES} are kept: memory stays
 * bounded whatever addresses arrive. Per replica, which only makes it stricter behind a load balancer;
 * per-account lockout lives in the database (see AccountService).
 */
@ApplicationScoped
class LoginThrottle {

    static final int MAX_ADDRESSES = 100_000;

    private record Window(Instant start, AtomicInteger attempts) {
    }

    private final Cache<String, Window> windows;
    private final AuthConfig config;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(AuthConfig config) {
        this.config = config;
        this.windows = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterWrite(config.auth().lockout()).build();
    }

    /**
     * Counts an attempt from {@code address}.
     *
     * @return null when it may go ahead, else when the address may try again
     */
    Instant attempt(String address) {
        Window window = windows.get(address, key -> new Window(clock.instant(), new AtomicInteger()));
        if (window.attempts().incrementAndGet() <= config.auth().maxFailedLoginsPerAddress()) {
            return null;
        }
        window.attempts().decrementAndGet();
        return window.start().plus(config.auth().lockout());
    }

    /** The attempt succeeded: it does not count against the address. */
    void succeeded(String address) {
        Window window = windows.getIfPresent(address);
        if (window != null) {
            window.attempts().decrementAndGet();
        }
    }
}
