package dev.syllabus.account;

import dev.syllabus.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Read-only tokens an instructor makes for integrations: made with a label and a lifetime, listed, revoked. */
@ApplicationScoped
public class IntegrationTokens {

    private final AuthConfig config;
    private final ResolvedTokens resolvedTokens;

    IntegrationTokens(AuthConfig config, ResolvedTokens resolvedTokens) {
        this.config = config;
        this.resolvedTokens = resolvedTokens;
    }

    @Transactional
    public AccountViews.IntegrationToken create(long accountId, AccountViews.TokenRequest request) {
        Instant now = Instant.now();
        int maxDays = config.auth().integrationTokenMaxDays();
        if (request.expiresInDays() != null && request.expiresInDays() > maxDays) {
            throw DomainException.invalid(
                    "expiresInDays",
                    "must be at most " + maxDays + " days here (SYLLABUS_AUTH_INTEGRATION_TOKEN_MAX_DAYS)");
        }
        Duration lifetime = Duration.ofDays(request.expiresInDays() == null ? maxDays : request.expiresInDays());
        String token = Tokens.newToken();
        AccessTokenEntity row = AccessTokenEntity.issue(
                AccountEntity.findById(accountId),
                token,
                AccessTokenEntity.Kind.INTEGRATION,
                request.label().strip(),
                true,
                now,
                now.plus(lifetime));
        return AccountViews.IntegrationToken.of(row, token);
    }

    @Transactional
    public List<AccountViews.IntegrationToken> of(long accountId) {
        return AccessTokenEntity.integrationTokensOf(accountId).stream()
                .map(t -> AccountViews.IntegrationToken.of(t, null))
                .toList();
    }

    /** @return whether such a token of this account existed */
    @Transactional
    public boolean revoke(long accountId, long tokenId) {
        AccessTokenEntity token = AccessTokenEntity.findById(tokenId);
        if (token == null || token.account.id != accountId || token.kind != AccessTokenEntity.Kind.INTEGRATION) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        resolvedTokens.forgetToken(tokenId);
        return true;
    }
}
