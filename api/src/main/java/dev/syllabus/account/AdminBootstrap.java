package dev.syllabus.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes sure the first instructor exists, as the settings say: SYLLABUS_ADMIN_LOGIN and
 * SYLLABUS_ADMIN_PASSWORD. The settings stay the source of truth for that account's password.
 */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthConfig config;
    private final AccountService accounts;

    AdminBootstrap(AuthConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        String login = config.admin().login();
        String password = config.admin().password();
        AccountEntity existing = AccountEntity.findByLogin(login).orElse(null);
        if (existing != null && existing.role == Role.INSTRUCTOR && existing.passwordHash != null
                && BcryptUtil.matches(password, existing.passwordHash)) {
            return;
        }
        accounts.register(login, Role.INSTRUCTOR, existing == null ? "Administrator" : null, null, password);
        LOG.infof("Instructor account '%s' set from SYLLABUS_ADMIN_LOGIN / SYLLABUS_ADMIN_PASSWORD", login);
    }
}
