package dev.syllabus.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bearer tokens resolved in the last few seconds (syllabus.auth.token-cache, 5 s), so that a request
 * costs no token query. A revocation made on this replica takes effect at once (the revoking code
 * forgets the entries); one made on another replica within that time. Expiry is checked on every
 * use. Unknown tokens are not kept: a guess always reaches the database.
 */
@ApplicationScoped
public class ResolvedTokens {

    static final int MAX_TOKENS = 100_000;

    record Resolved(AccountService.Principal principal, Instant expiresAt) {
        boolean usableAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    private final Cache<String, Resolved> byDigest;

    ResolvedTokens(AuthConfig config) {
        this.byDigest = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(config.auth().tokenCache())
                .build();
    }

    /** The principal behind a token digest, from the cache or else from {@code lookup} (kept when found). */
    Optional<AccountService.Principal> resolve(
            String digest, Instant now, Function<String, Optional<Resolved>> lookup) {
        Resolved cached = byDigest.getIfPresent(digest);
        if (cached == null) {
            cached = lookup.apply(digest).orElse(null);
            if (cached == null) {
                return Optional.empty();
            }
            byDigest.put(digest, cached);
        }
        return cached.usableAt(now) ? Optional.of(cached.principal()) : Optional.empty();
    }

    /** Forgets one token: it was revoked here. */
    void forgetToken(long tokenId) {
        byDigest.asMap().values().removeIf(r -> r.principal().tokenId() == tokenId);
    }

    /** Forgets every token of an account: they were revoked here. */
    void forgetAccount(long accountId) {
        byDigest.asMap().values().removeIf(r -> r.principal().accountId() == accountId);
    }
}
