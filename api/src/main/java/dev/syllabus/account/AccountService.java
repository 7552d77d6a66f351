package dev.syllabus.account;

import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Signing in and out, and the tokens that stand for a signed-in account. */
@ApplicationScoped
public class AccountService {

    private final AuthConfig config;
    private final Passwords passwords;
    private final ResolvedTokens resolvedTokens;
    private final Event<Settled> claims;

    AccountService(AuthConfig config, Passwords passwords, ResolvedTokens resolvedTokens, Event<Settled> claims) {
        this.config = config;
        this.passwords = passwords;
        this.resolvedTokens = resolvedTokens;
        this.claims = claims;
    }

    /** The account behind a usable token. */
    public record Principal(long accountId, String login, Role role, boolean readOnly, long tokenId) {}

    /**
     * Checks a password: a session when it is right, else empty. An unknown login costs the same
     * bcrypt check as a known one. The check runs outside any transaction, so a burst of sign-ins
     * holds no database connections; {@link LoginThrottle} decides beforehand who may try.
     */
    public Optional<AccountViews.Session> login(String login, String password) {
        Optional<Candidate> found = QuarkusTransaction.requiringNew().call(() -> AccountEntity.findByLogin(login)
                .filter(a -> a.passwordHash != null)
                .map(a -> new Candidate(a.id, a.passwordHash)));
        if (found.isEmpty()) {
            passwords.matchNothing(password);
            return Optional.empty();
        }
        Candidate account = found.get();
        if (!passwords.matches(password, account.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(QuarkusTransaction.requiringNew()
                .call(() -> startSession(AccountEntity.findById(account.id()), Instant.now())));
    }

    /** What a sign-in needs to know of an account, read before the password check. */
    private record Candidate(long id, String passwordHash) {}

    /** Signs {@code account} in: a session token that expires after the configured lifetime. */
    AccountViews.Session startSession(AccountEntity account, Instant now) {
        String token = Tokens.newToken();
        AccessTokenEntity row = AccessTokenEntity.issue(
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

    /**
     * GitHub proved who signed in: {@link GithubIdentity#signIn} says which account that is (the
     * one linked to the user id, a student account nobody proved under that login, or a new one),
     * or refuses with what to do. The account is then named with GitHub's login today.
     */
    @Transactional
    public AccountViews.Session signInWithGithub(long githubId, String login, String name, String email) {
        String lower = login.toLowerCase(Locale.ROOT);
        AccountEntity linked = AccountEntity.findByGithubId(githubId).orElse(null);
        AccountEntity holder = AccountEntity.findByLogin(lower).orElse(null);
        GithubIdentity.Decision decision = GithubIdentity.signIn(githubId, lower, holderOf(linked), holderOf(holder));
        if (decision instanceof GithubIdentity.Refuse refuse) {
            throw DomainException.conflict(refuse.reason());
        }
        AccountEntity account;
        boolean squatter = false;
        if (decision instanceof GithubIdentity.Accept accept) {
            moveAside(accept.moveAside());
            account = AccountEntity.findById(accept.accountId());
            squatter = accept.stripSquatter();
            if (squatter) {
                // Whoever joined under this login never proved it: what they left goes with them.
                dropUnprovenHolder(account);
            }
        } else {
            moveAside(((GithubIdentity.Create) decision).moveAside());
            account = new AccountEntity();
            account.role = Role.STUDENT;
            account.createdAt = Instant.now();
        }
        boolean claimed = account.githubId == null;
        account.githubId = githubId;
        account.login = lower;
        account.name = account.name == null ? name : account.name;
        account.email = account.email == null ? email : account.email;
        account.persist();
        if (claimed && account.id != null) {
            claims.fire(new Settled(account.id, squatter));
        }
        return startSession(account, Instant.now());
    }

    /**
     * The signed-in account links itself to the GitHub user who just signed in, as
     * {@link GithubIdentity#link} allows, and takes GitHub's login; its password, tokens and
     * everything else stay.
     */
    @Transactional
    public AccountViews.Account linkGithub(long accountId, long githubId, String login) {
        String lower = login.toLowerCase(Locale.ROOT);
        AccountEntity account = AccountEntity.findById(accountId);
        if (account == null) {
            throw DomainException.unauthenticated("The account that asked to link GitHub no longer exists.");
        }
        AccountEntity linked = AccountEntity.findByGithubId(githubId).orElse(null);
        AccountEntity holder = AccountEntity.findByLogin(lower).orElse(null);
        GithubIdentity.Decision decision =
                GithubIdentity.link(holderOf(account), githubId, lower, holderOf(linked), holderOf(holder));
        if (decision instanceof GithubIdentity.Refuse refuse) {
            throw DomainException.conflict(refuse.reason());
        }
        moveAside(((GithubIdentity.Accept) decision).moveAside());
        boolean claimed = account.githubId == null;
        account.githubId = githubId;
        if (!account.login.equals(lower)) {
            account.login = lower;
            // The login is in every token's principal: the cached ones must learn the new one.
            resolvedTokens.forgetAccount(account.id);
        }
        if (claimed) {
            claims.fire(new Settled(account.id, false));
        }
        return AccountViews.Account.of(account);
    }

    /**
     * Who holds an account was just settled: GitHub proved it (a sign-in or a link), or an
     * instructor reset it to a rostered account nobody has claimed. Invites issued before no longer
     * open it; where {@code dropUnprovenHolder}, what its unproven holder left in it goes too.
     */
    public record Settled(long accountId, boolean dropUnprovenHolder) {}

    /**
     * An instructor resets a self-joined account nobody proved to a rostered one nobody has
     * claimed: its password, email, name, tokens, calendar address and own ticks go. Call within a
     * transaction.
     */
    public void resetUnproven(AccountEntity account) {
        dropUnprovenHolder(account);
        claims.fire(new Settled(account.id, true));
    }

    private void dropUnprovenHolder(AccountEntity account) {
        account.passwordHash = null;
        account.email = null;
        account.name = null;
        revokeAll(account.id);
    }

    /** A stale holder of a login (its GitHub user renamed away) gives it up for one GitHub never hands out. */
    private void moveAside(Long accountId) {
        if (accountId != null) {
            AccountEntity stale = AccountEntity.findById(accountId);
            stale.login = GithubIdentity.formerLogin(stale.githubId);
            resolvedTokens.forgetAccount(stale.id);
            AccountEntity.flush();
        }
    }

    private static GithubIdentity.Holder holderOf(AccountEntity account) {
        return account == null
                ? null
                : new GithubIdentity.Holder(account.id, account.githubId, account.role, account.passwordHash != null);
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
}
