package dev.syllabus.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts failed sign-ins per client address over the lockout period, so one address cannot try
 * passwords across many accounts. Per-account lockout lives in the database (see AccountEntity);
 * this guard is per replica, which only makes it stricter behind a load balancer.
 */
@ApplicationScoped
class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AuthConfig config;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(AuthConfig config) {
        this.config = config;
    }

    /** When the address may try again, or null when it may try now. */
    Instant blockedUntil(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return null;
        }
        synchronized (recent) {
            Instant horizon = clock.instant().minus(config.auth().lockout());
            while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
                recent.pollFirst();
            }
            if (recent.size() < config.auth().maxFailedLoginsPerAddress()) {
                return null;
            }
            return recent.peekFirst().plus(config.auth().lockout());
        }
    }

    void failed(String address) {
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
        }
    }
}
