package dev.syllabus.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Signing in and out, and the tokens that stand for a signed-in account. */
@ApplicationScoped
public class AccountService {

    private static final Duration INTEGRATION_DEFAULT = Duration.ofDays(365);

    private final AuthConfig config;
    private final Passwords passwords;
    private final ResolvedTokens resolvedTokens;

    AccountService(AuthConfig config, Passwords passwords, ResolvedTokens resolvedTokens) {
        this.config = config;
        this.passwords = passwords;
        this.resolvedTokens = resolvedTokens;
    }

    /** The outcome of a sign-in: a session, a refusal, or a lock until some time. */
    public sealed interface LoginOutcome {
        record Success(AccountViews.Session session) implements LoginOutcome {}

        record Refused() implements LoginOutcome {}

        record Locked(Instant until) implements LoginOutcome {}
    }

    /** The account behind a usable token. */
    public record Principal(long accountId, String login, Role role, boolean readOnly, long tokenId) {}

    /**
     * Checks a password. The attempt is reserved in the database before the (slow) check, with one
     * conditional update: whatever the concurrency, an account gets at most
     * {@code max-failed-logins} guesses per lockout period. The check itself runs outside any
     * transaction, so a burst of sign-ins holds no database connections.
     */
    public LoginOutcome login(String login, String password) {
        Instant now = Instant.now();
        Optional<Candidate> found = QuarkusTransaction.requiringNew().call(() -> AccountEntity.findByLogin(login)
                .filter(a -> a.passwordHash != null)
                .map(a -> new Candidate(a.id, a.passwordHash, a.lockedUntil)));
        if (found.isEmpty()) {
            passwords.matchNothing(password);
            return new LoginOutcome.Refused();
        }
        Candidate account = found.get();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            return new LoginOutcome.Locked(account.lockedUntil());
        }
        int max = config.auth().maxFailedLogins();
        boolean reserved = QuarkusTransaction.requiringNew()
                .call(() -> AccountEntity.update(
                                "failedLogins = failedLogins + 1 where id = ?1 and failedLogins < ?2 and (lockedUntil is null or lockedUntil <= ?3)",
                                account.id(),
                                max,
                                now)
                        == 1);
        if (!reserved) {
            return new LoginOutcome.Locked(now.plus(config.auth().lockout()));
        }
        if (passwords.matches(password, account.passwordHash())) {
            return new LoginOutcome.Success(QuarkusTransaction.requiringNew().call(() -> {
                AccountEntity.update("failedLogins = 0, lockedUntil = null where id = ?1", account.id());
                return startSession(AccountEntity.findById(account.id()), Instant.now());
            }));
        }
        Instant until = Instant.now().plus(config.auth().lockout());
        boolean locked = QuarkusTransaction.requiringNew()
                .call(() -> AccountEntity.update(
                                "lockedUntil = ?1, failedLogins = 0 where id = ?2 and failedLogins >= ?3",
                                until,
                                account.id(),
                                max)
                        == 1);
        return locked ? new LoginOutcome.Locked(until) : new LoginOutcome.Refused();
    }

    /** What a sign-in needs to know of an account, read before the password check. */
    private record Candidate(long id, String passwordHash, Instant lockedUntil) {}

    /** Signs {@code account} in: a session token that expires after the configured lifetime. */
    AccountViews.Session startSession(AccountEntity account, Instant now) {
        String token = Tokens.newToken();
        AccessTokenEntity row = token(
                account,
                token,
                AccessTokenEntity.Kind.SESSION,
                null,
                false,
                now,
                now.plus(config.auth().sessionLifetime()));
        return new AccountViews.Session(token, row.expiresAt, AccountViews.Account.of(account));
    }

    @Transactional
    public void logout(long tokenId) {
        AccessTokenEntity token = AccessTokenEntity.findById(tokenId);
        if (token != null && token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        resolvedTokens.forgetToken(tokenId);
    }

    /** The account a bearer token stands for, while it is usable; recently resolved tokens come from {@link ResolvedTokens}. */
    public Optional<Principal> resolve(String token) {
        return resolvedTokens.resolve(Tokens.digest(token), Instant.now(), this::lookUp);
    }

    @Transactional
    Optional<ResolvedTokens.Resolved> lookUp(String digest) {
        return AccessTokenEntity.<AccessTokenEntity>find(
                        "from AccessToken t join fetch t.account where t.tokenHash = ?1", digest)
                .firstResultOptional()
                .filter(t -> t.revokedAt == null)
                .map(t -> new ResolvedTokens.Resolved(
                        new Principal(t.account.id, t.account.login, t.account.role, t.readOnly, t.id), t.expiresAt));
    }

    @Transactional
    public AccountViews.Account account(long accountId) {
        return AccountViews.Account.of(AccountEntity.findById(accountId));
    }

    @Transactional
    public AccountViews.IntegrationToken createIntegrationToken(long accountId, AccountViews.TokenRequest request) {
        Instant now = Instant.now();
        Duration lifetime =
                request.expiresInDays() == null ? INTEGRATION_DEFAULT : Duration.ofDays(request.expiresInDays());
        String token = Tokens.newToken();
        AccessTokenEntity row = token(
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
    public List<AccountViews.IntegrationToken> integrationTokens(long accountId) {
        return AccessTokenEntity.<AccessTokenEntity>list(
                        "account.id = ?1 and kind = ?2 order by createdAt",
                        accountId,
                        AccessTokenEntity.Kind.INTEGRATION)
                .stream()
                .map(t -> AccountViews.IntegrationToken.of(t, null))
                .toList();
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
        resolvedTokens.forgetToken(tokenId);
        return true;
    }

    /**
     * GitHub proved who signed in: the account keyed by GitHub's numeric user id, else the one that
     * holds the login (a rostered student, or a password account someone created under that login:
     * GitHub's word settles who it belongs to, so its password and tokens go), else a new student.
     * A login renamed on GitHub follows; a stale holder of the new login is moved aside.
     */
    @Transactional
    public AccountViews.Session signInWithGithub(long githubId, String login, String name, String email) {
        String lower = login.toLowerCase(Locale.ROOT);
        AccountEntity account =
                AccountEntity.<AccountEntity>find("githubId", githubId).firstResult();
        AccountEntity holder = AccountEntity.findByLogin(lower).orElse(null);
        if (holder != null && holder != account && holder.githubId != null) {
            // Another GitHub user had this login once and renamed away: their account keeps its id, not the login.
            holder.login = "gh-" + holder.githubId;
            holder = null;
        }
        if (account == null && holder != null) {
            account = holder;
            account.githubId = githubId;
            if (account.role == Role.STUDENT && account.passwordHash != null) {
                account.passwordHash = null;
                revokeAll(account.id);
            }
        } else if (account != null && holder != null && holder != account) {
            // An unproven account took the login this GitHub user now has: the proven one gets it.
            holder.login = "unverified-" + holder.id;
            revokeAll(holder.id);
        }
        if (account == null) {
            account = new AccountEntity();
            account.role = Role.STUDENT;
            account.createdAt = Instant.now();
            account.githubId = githubId;
        }
        AccountEntity.flush();
        account.login = lower;
        account.name = account.name == null ? name : account.name;
        account.email = account.email == null ? email : account.email;
        account.persist();
        return startSession(account, Instant.now());
    }

    /** A new session for an account that has just proven who it is. Call within a transaction. */
    public AccountViews.Session signIn(AccountEntity account) {
        return startSession(account, Instant.now());
    }

    /**
     * Creates or updates an account (a new person, a roster entry completing itself, the first
     * instructor); {@code passwordHash}, when given, comes from {@link Passwords#hash}, computed
     * before the transaction. Call within a transaction.
     */
    public AccountEntity register(String login, Role role, String name, String email, String passwordHash) {
        AccountEntity account = AccountEntity.findByLogin(login).orElseGet(() -> {
            AccountEntity created = new AccountEntity();
            created.login = login.toLowerCase(Locale.ROOT);
            created.createdAt = Instant.now();
            return created;
        });
        boolean credentialsChange = account.id != null
                && (account.role != role || passwordHash != null && !passwordHash.equals(account.passwordHash));
        account.role = role;
        account.name = name == null ? account.name : name;
        account.email = email == null ? account.email : email;
        if (passwordHash != null) {
            account.passwordHash = passwordHash;
        }
        account.persist();
        if (credentialsChange) {
            revokeAll(account.id);
        }
        return account;
    }

    /** Revokes every token of an account: its role or password changed, so what they stood for did too. Call within a transaction. */
    void revokeAll(long accountId) {
        AccessTokenEntity.update(
                "revokedAt = ?1 where account.id = ?2 and revokedAt is null", Instant.now(), accountId);
        resolvedTokens.forgetAccount(accountId);
    }

    private static AccessTokenEntity token(
            AccountEntity account,
            String token,
            AccessTokenEntity.Kind kind,
            String label,
            boolean readOnly,
            Instant now,
            Instant expiresAt) {
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
