package dev.syllabus.account;

import dev.syllabus.domain.DomainException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Password hashing with bcrypt. Hashing is slow on purpose, so at most
 * {@code syllabus.auth.concurrent-hashes} run at once: a burst of sign-ins queues here, briefly,
 * instead of taking every core and every worker from the rest of the API. Never call it inside a
 * database transaction: it would hold a pooled connection for the whole hash.
 */
@ApplicationScoped
public class Passwords {

    /** bcrypt reads only the first 72 bytes of a password; longer ones are refused, not silently cut. */
    public static final int MAX_BYTES = 72;

    private static final long WAIT_MILLIS = 1_000;

    private final Semaphore permits;
    private final int cost;
    /**
     * Checked when a login is unknown, so a wrong login takes as long as a wrong password. Made on
     * first use rather than at start-up, where a bcrypt hash would only delay readiness.
     */
    private volatile String decoyHash;

    Passwords(AuthConfig config) {
        this.permits = new Semaphore(config.auth().concurrentHashes(), true);
        this.cost = config.auth().bcryptCost();
    }

    /** Whether bcrypt would read all of {@code password}. */
    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public String hash(String password) {
        return bounded(() -> BcryptUtil.bcryptHash(password, cost));
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> BcryptUtil.matches(password, hash));
    }

    /** Spends the same time as a real check, for a login that has no password to check. */
    public void matchNothing(String password) {
        if (decoyHash == null) {
            decoyHash = hash("decoy password that matches nothing");
        }
        matches(password, decoyHash);
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired = false;
        try {
            acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw DomainException.busy(
                        "Too many sign-ins at once; try again in a moment.",
                        Instant.now().plusSeconds(1));
            }
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to check a password", e);
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }
}
