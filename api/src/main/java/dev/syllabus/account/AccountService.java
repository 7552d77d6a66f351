package dev.syllabus.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Signing in and out, and the tokens that stand for a signed-in account. */
@ApplicationScoped
public class AccountService {

    /** Checked when the login is unknown, so a wrong login takes as long as a wrong password. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy password that matches nothing");
    private static final Duration INTEGRATION_DEFAULT = Duration.ofDays(365);

    private final AuthConfig config;

    AccountService(AuthConfig config) {
        this.config = config;
    }

    /** The outcome of a sign-in: a session, a refusal, or a lock until some time. */
    public sealed interface LoginOutcome {
        record Success(AccountViews.Session session) implements LoginOutcome { }

        record Refused() implements LoginOutcome { }

        record Locked(Instant until) implements LoginOutcome { }
    }

    /** The account behind a usable token. */
    public record Principal(long accountId, String login, Role role, boolean readOnly, long tokenId) {
    }

    @Transactional
    public LoginOutcome login(String login, String password) {
        Instant now = Instant.now();
        AccountEntity account = AccountEntity.findByLogin(login).orElse(null);
        if (account == null || account.passwordHash == null) {
            BcryptUtil.matches(password, DECOY_HASH);
            return new LoginOutcome.Refused();
        }
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            return new LoginOutcome.Locked(account.lockedUntil);
        }
        if (!BcryptUtil.matches(password, account.passwordHash)) {
            account.failedLogins++;
            if (account.failedLogins >= config.auth().maxFailedLogins()) {
                account.failedLogins = 0;
                account.lockedUntil = now.plus(config.auth().lockout());
                return new LoginOutcome.Locked(account.lockedUntil);
            }
            return new LoginOutcome.Refused();
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
        return new LoginOutcome.Success(startSession(account, now));
    }

    /** Signs {@code account} in: a session token that expires after the configured lifetime. */
    AccountViews.Session startSession(AccountEntity account, Instant now) {
        String token = Tokens.newToken();
        AccessTokenEntity row = token(account, token, AccessTokenEntity.Kind.SESSION, null, false, now,
                now.plus(config.auth().sessionLifetime()));
        return new AccountViews.Session(token, row.expiresAt, AccountViews.Account.of(account));
    }

    @Transactional
    public void logout(long tokenId) {
        AccessTokenEntity token = AccessTokenEntity.findById(tokenId);
        if (token != null && token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
    }

    @Transactional
    public Optional<Principal> resolve(String token) {
        Instant now = Instant.now();
        return AccessTokenEntity.<AccessTokenEntity>find("from AccessToken t join fetch t.account where t.tokenHash = ?1",
                Tokens.digest(token)).firstResultOptional()
                .filter(t -> t.usableAt(now))
                .map(t -> new Principal(t.account.id, t.account.login, t.account.role, t.readOnly, t.id));
    }

    @Transactional
    public AccountViews.Account account(long accountId) {
        return AccountViews.Account.of(AccountEntity.findById(accountId));
    }

    @Transactional
    public AccountViews.IntegrationToken createIntegrationToken(long accountId, AccountViews.TokenRequest request) {
        Instant now = Instant.now();
        Duration lifetime = request.expiresInDays() == null ? INTEGRATION_DEFAULT : Duration.ofDays(request.expiresInDays());
        String token = Tokens.newToken();
        AccessTokenEntity row = token(AccountEntity.findById(accountId), token, AccessTokenEntity.Kind.INTEGRATION,
                request.label().strip(), true, now, now.plus(lifetime));
        return AccountViews.IntegrationToken.of(row, token);
    }

    @Transactional
    public List<AccountViews.IntegrationToken> integrationTokens(long accountId) {
        return AccessTokenEntity.<AccessTokenEntity>list("account.id = ?1 and kind = ?2 order by createdAt",
                accountId, AccessTokenEntity.Kind.INTEGRATION).stream()
                .map(t -> AccountViews.IntegrationToken.of(t, null)).toList();
    }

    /** @return whether such a token of this account existed */
    @Transactional
    public boolean revokeIntegrationToken(long accountId, long tokenId) {
        AccessTokenEntity token = AccessTokenEntity.findById(tokenId);
        if (token == null || token.account.id != accountId || token.kind != AccessTokenEntity.Kind.INTEGRATION) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        return true;
    }

    /** A new session for an account that has just proven who it is. Call within a transaction. */
    public AccountViews.Session signIn(AccountEntity account) {
        return startSession(account, Instant.now());
    }

    /**
     * Creates or updates an account (a new person, a roster entry completing itself, the first
     * instructor); the password, when given, is stored as a bcrypt hash. Call within a transaction.
     */
    public AccountEntity register(String login, Role role, String name, String email, String password) {
        AccountEntity account = AccountEntity.findByLogin(login).orElseGet(() -> {
            AccountEntity created = new AccountEntity();
            created.login = login.toLowerCase(Locale.ROOT);
            created.createdAt = Instant.now();
            return created;
        });
        account.role = role;
        account.name = name == null ? account.name : name;
        account.email = email == null ? account.email : email;
        if (password != null) {
            account.passwordHash = BcryptUtil.bcryptHash(password);
        }
        account.persist();
        return account;
    }

    private static AccessTokenEntity token(AccountEntity account, String token, AccessTokenEntity.Kind kind, String label,
            boolean readOnly, Instant now, Instant expiresAt) {
        AccessTokenEntity row = new AccessTokenEntity();
        row.account = account;
        row.tokenHash = Tokens.digest(token);
        row.kind = kind;
        row.label = label;
        row.readOnly = readOnly;
        row.createdAt = now;
        row.expiresAt = expiresAt;
        row.persist();
        return row;
    }
}
