package dev.syllabus.lti;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.AccountService;
import dev.syllabus.account.Role;
import dev.syllabus.account.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * A platform's users as Syllabus accounts, linked by (issuer, subject): never by name or email,
 * which a platform's user can change. Named and mailed as the platform last said.
 */
@ApplicationScoped
public class LtiAccounts {

    private final AccountService accounts;

    LtiAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The account linked to (issuer, subject), made on first sight. Call within a transaction. */
    public AccountEntity of(String issuer, String subject, String name, String email, Role role) {
        LtiUserEntity link = LtiUserEntity.of(issuer, subject).orElse(null);
        AccountEntity account = link == null ? null : AccountEntity.findById(link.accountId);
        if (account == null) {
            account = accounts.register(loginFor(issuer, subject), role, null, null, null);
            if (link == null) {
                link = new LtiUserEntity();
                link.issuer = issuer;
                link.subject = subject;
                link.createdAt = Instant.now();
            }
            link.accountId = account.id;
            link.persist();
        }
        if (role == Role.INSTRUCTOR && account.role != Role.INSTRUCTOR) {
            accounts.register(account.login, Role.INSTRUCTOR, null, null, null);
        }
        if (name != null && !name.isBlank()) {
            account.name = name.length() > 200 ? name.substring(0, 200) : name;
        }
        if (email != null && email.length() <= 320) {
            account.email = email;
        }
        return account;
    }

    /**
     * A login GitHub never hands out (two hyphens in a row), so no GitHub user can claim it: the
     * platform user keeps it until they link GitHub, which renames the account to their proven login.
     */
    static String loginFor(String issuer, String subject) {
        return "lti--" + Tokens.digest(issuer + "\n" + subject).substring(0, 16);
    }
}
