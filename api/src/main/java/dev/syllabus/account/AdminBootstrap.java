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
        AccountEntity existing = AccountEntity.findByLogin(login).orElse(null);
        if (existing != null && existing.role == Role.STUDENT) {
            // Promoting whoever took that login first would hand a student the instructor's powers.
            throw new IllegalStateException("Refusing to start: syllabus.admin.login (SYLLABUS_ADMIN_LOGIN) names '"
                    + existing.login + "', an existing student account; choose a login that is not taken");
        }
        if (existing != null
                && existing.role == Role.INSTRUCTOR
                && existing.passwordHash != null
                && passwords.matches(password, existing.passwordHash)) {
            return;
        }
        accounts.register(
                login, Role.INSTRUCTOR, existing == null ? "Administrator" : null, null, passwords.hash(password));
        LOG.infof("Instructor account '%s' set from SYLLABUS_ADMIN_LOGIN / SYLLABUS_ADMIN_PASSWORD", login);
    }
}
