package dev.syllabus.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Who may try a password now. Three limits, none of which lets a stranger lock an owner out:
 * <ul>
 *   <li>per login and client address, {@link SignInBackoff}: the address guessing slows itself;
 *   <li>per address across logins ({@code max-failed-logins-per-address} per lockout period), so one
 *       address cannot try a password across many accounts;
 *   <li>per login across addresses ({@code max-failed-logins-per-account} per lockout period), against
 *       guesses from many addresses; it holds back only addresses that have not signed in to that
 *       login lately, so the owner at a familiar address still gets in.
 * </ul>
 * A login that has no account is counted exactly as one that has, so the answers reveal nothing.
 * Each attempt counts as a failure before its password is checked, and is given back when it turns
 * out right: a burst of concurrent guesses cannot slip past. Per replica, in memory, bounded.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_KEYS = 100_000;
    /** How long an address that signed in to a login stays familiar to it. */
    static final Duration FAMILIAR = Duration.ofDays(30);

    private final SignInBackoff backoff;
    private final Cache<String, SignInBackoff.State> pairs;
    private final AttemptThrottle perAddress;
    private final AttemptThrottle perLogin;
    private final Cache<String, Boolean> familiar;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(AuthConfig config) {
        Duration lockout = config.auth().lockout();
        this.backoff = new SignInBackoff(config.auth().maxFailedLogins(), lockout, lockout.multipliedBy(12));
        this.pairs = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(backoff.max())
                .build();
        this.perAddress = new AttemptThrottle(config.auth().maxFailedLoginsPerAddress(), lockout);
        this.perLogin = new AttemptThrottle(config.auth().maxFailedLoginsPerAccount(), lockout);
        this.familiar = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(FAMILIAR)
                .build();
    }

    /**
     * Counts an attempt of {@code address} at {@code login}.
     *
     * @return null when its password may be checked, else when it may try again
     */
    public Instant attempt(String login, String address) {
        String pair = pair(login, address);
        Instant now = clock.instant();
        SignInBackoff.State[] before = {null};
        SignInBackoff.State after = pairs.asMap().compute(pair, (key, state) -> {
            before[0] = state == null ? SignInBackoff.State.CLEAN : state;
            return backoff.blockedUntil(before[0], now) != null ? before[0] : backoff.failed(before[0], now);
        });
        if (after == before[0]) {
            return backoff.blockedUntil(after, now);
        }
        boolean isFamiliar = familiar.getIfPresent(pair) != null;
        Instant addressBlocked = perAddress.attempt(address);
        Instant loginBlocked = isFamiliar || addressBlocked != null ? null : perLogin.attempt(normal(login));
        if (addressBlocked == null && loginBlocked == null) {
            return null;
        }
        // Refused before any check: what was counted for it is given back.
        pairs.asMap().replace(pair, after, before[0]);
        if (addressBlocked == null) {
            perAddress.succeeded(address);
        }
        return addressBlocked != null ? addressBlocked : loginBlocked;
    }

    /** The password was right: the attempt does not count, and the address is familiar to the login. */
    public void succeeded(String login, String address) {
        String pair = pair(login, address);
        pairs.invalidate(pair);
        perAddress.succeeded(address);
        if (familiar.getIfPresent(pair) == null) {
            perLogin.succeeded(normal(login));
        }
        familiar.put(pair, Boolean.TRUE);
    }

    private static String pair(String login, String address) {
        return normal(login) + '\n' + address;
    }

    private static String normal(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
