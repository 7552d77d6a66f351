package dev.syllabus.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sign-in settings. The first instructor comes from SYLLABUS_ADMIN_LOGIN / SYLLABUS_ADMIN_PASSWORD. */
@ConfigMapping(prefix = "syllabus")
public interface AuthConfig {

    Admin admin();

    Auth auth();

    interface Admin {
        /** GitHub login of the first instructor (SYLLABUS_ADMIN_LOGIN). */
        @WithDefault("admin")
        String login();

        /** Their password (SYLLABUS_ADMIN_PASSWORD); required, no default in the production build. */
        String password();
    }

    interface Auth {
        /** How long a sign-in lasts. */
        @WithDefault("12h")
        Duration sessionLifetime();

        /** Failed sign-ins in a row after which an account is locked. */
        @WithDefault("5")
        int maxFailedLogins();

        /** How long a locked account stays locked. */
        @WithDefault("5m")
        Duration lockout();

        /** Failed sign-ins one address may make per lockout period, across accounts. */
        @WithDefault("20")
        int maxFailedLoginsPerAddress();

        /** bcrypt's cost for new password hashes (2^cost rounds). */
        @WithDefault("10")
        int bcryptCost();

        /** Password checks that may run at once; more wait up to a second, then get 503. */
        @WithDefault("2")
        int concurrentHashes();
    }
}
