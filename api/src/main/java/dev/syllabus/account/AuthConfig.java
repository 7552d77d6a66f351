package dev.syllabus.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in settings. The first instructor comes from SYLLABUS_ADMIN_LOGIN / SYLLABUS_ADMIN_PASSWORD. */
@ConfigMapping(prefix = "syllabus")
public interface AuthConfig {

    Admin admin();

    Auth auth();

    /** Sign-in with GitHub (OAuth 2.0 authorization code with PKCE): off without a client id. */
    Github github();

    interface Github {
        /** The OAuth app's client id (SYLLABUS_GITHUB_CLIENT_ID); without it GitHub sign-in is off. */
        Optional<String> clientId();

        /** The OAuth app's client secret (SYLLABUS_GITHUB_CLIENT_SECRET). */
        Optional<String> clientSecret();

        /** Where GitHub's OAuth endpoints are (SYLLABUS_GITHUB_OAUTH_URL): /login/oauth/authorize and /login/oauth/access_token. */
        @WithDefault("https://github.com")
        String oauthUrl();

        /** Where GitHub's REST API is (SYLLABUS_GITHUB_API_URL): /user. */
        @WithDefault("https://api.github.com")
        String apiUrl();
    }

    interface Admin {
        /** GitHub login of the first instructor (SYLLABUS_ADMIN_LOGIN). */
        @WithDefault("admin")
        String login();

        /** Their password (SYLLABUS_ADMIN_PASSWORD); required, no default in the production build. */
        String password();

        /**
         * GitHub's numeric user id of the first instructor (SYLLABUS_ADMIN_GITHUB_ID): that GitHub
         * user signs in as the instructor. Without it, the instructor links GitHub explicitly, signed
         * in with the password; a GitHub login alone never makes anyone an instructor.
         */
        Optional<Long> githubId();
    }

    interface Auth {
        /** How long a sign-in lasts. */
        @WithDefault("12h")
        Duration sessionLifetime();

        /**
         * How long a resolved bearer token is reused without asking the database: the longest a
         * revocation made on another replica takes to reach this one (SYLLABUS_AUTH_TOKEN_CACHE).
         */
        @WithDefault("5s")
        Duration tokenCache();

        /**
         * Failed sign-ins of one address at one login before that address waits (the lockout, doubling
         * with each further failure up to twelve times as long); nobody else waits for them.
         */
        @WithDefault("5")
        int maxFailedLogins();

        /** How long an address waits after its free failures at a login; the window of the other limits. */
        @WithDefault("5m")
        Duration lockout();

        /**
         * Failed sign-ins at one login per lockout period from all addresses together, after which
         * only addresses that signed in to it lately are let through.
         */
        @WithDefault("20")
        int maxFailedLoginsPerAccount();

        /** Failed sign-ins one address may make per lockout period, across accounts. */
        @WithDefault("20")
        int maxFailedLoginsPerAddress();

        /** Failed joins (a wrong join or invite code) one address may make per lockout period. */
        @WithDefault("20")
        int maxFailedJoinsPerAddress();

        /** Failed joins a course may see per lockout period, from all addresses together. */
        @WithDefault("200")
        int maxFailedJoinsPerCourse();

        /** Whether password sign-in is on for everyone (SYLLABUS_AUTH_PASSWORDS); off, only the first instructor uses one. */
        @WithDefault("true")
        boolean passwords();

        /**
         * The longest an integration token may last, in days (SYLLABUS_AUTH_INTEGRATION_TOKEN_MAX_DAYS):
         * also what a token gets when its request names no lifetime.
         */
        @WithDefault("90")
        int integrationTokenMaxDays();

        /** bcrypt's cost for new password hashes (2^cost rounds). */
        @WithDefault("10")
        int bcryptCost();

        /** Password checks that may run at once; more wait up to a second, then get 503. */
        @WithDefault("2")
        int concurrentHashes();
    }
}
