package dev.syllabus.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Makes sure the first instructor exists, as the settings say: SYLLABUS_ADMIN_LOGIN and
 * SYLLABUS_ADMIN_PASSWORD. The settings stay the source of truth for that account's password.
 */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthConfig config;
    private final AccountService accounts;
    private final Passwords passwords;

    AdminBootstrap(AuthConfig config, AccountService accounts, Passwords passwords) {
        this.config = config;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        String login = config.admin().login();
        String password = config.admin().password();
        Long githubId = config.admin().githubId().orElse(null);
        // Named by GitHub user id, the instructor is whoever that id is linked to, whatever their login is now.
        AccountEntity existing =
                githubId == null ? null : AccountEntity.findByGithubId(githubId).orElse(null);
        if (existing == null) {
            existing = AccountEntity.findByLogin(login).orElse(null);
        }
        if (existing != null && existing.role == Role.STUDENT) {
            // Promoting whoever took that login first would hand a student the instructor's powers.
            throw new IllegalStateException("Refusing to start: syllabus.admin.login (SYLLABUS_ADMIN_LOGIN) names '"
                    + existing.login + "', an existing student account; choose a login that is not taken");
        }
        if (existing != null && githubId != null && existing.githubId != null && !existing.githubId.equals(githubId)) {
            throw new IllegalStateException("Refusing to start: the instructor '" + existing.login
                    + "' is linked to GitHub user " + existing.githubId + ", not to SYLLABUS_ADMIN_GITHUB_ID ("
                    + githubId + ")");
        }
        if (existing != null
                && existing.role == Role.INSTRUCTOR
                && existing.passwordHash != null
                && (githubId == null || githubId.equals(existing.githubId))
                && passwords.matches(password, existing.passwordHash)) {
            return;
        }
        AccountEntity admin = accounts.register(
                existing == null ? login : existing.login,
                Role.INSTRUCTOR,
                existing == null ? "Administrator" : null,
                null,
                passwords.hash(password));
        if (githubId != null) {
            admin.githubId = githubId;
        }
        LOG.infof(
                "Instructor account '%s' set from SYLLABUS_ADMIN_LOGIN / SYLLABUS_ADMIN_PASSWORD%s",
                admin.login, githubId == null ? "" : " / SYLLABUS_ADMIN_GITHUB_ID");
    }
}
