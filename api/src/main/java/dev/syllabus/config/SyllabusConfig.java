package dev.syllabus.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** The application's own settings; each also reads from the environment (SYLLABUS_CONTENT_DIR, ...). */
@ConfigMapping(prefix = "syllabus")
public interface SyllabusConfig {

    Content content();

    /** The database connection; required, so a production build without it stops with the setting's name. */
    Db db();

    /** Browser origins allowed to call the API (CORS), comma-separated. */
    @WithName("cors-origins")
    List<String> corsOrigins();

    /**
     * Proxies whose forwarding headers (X-Forwarded-For, -Proto, -Host, Forwarded) are believed:
     * IP addresses or CIDR ranges, comma-separated (SYLLABUS_TRUSTED_PROXIES). Empty: none.
     */
    @WithName("trusted-proxies")
    Optional<List<String>> trustedProxies();

    /** Where people reach the web client (SYLLABUS_PUBLIC_URL): links the API hands out, such as roster invites, point there. */
    @WithDefault("http://localhost:5173")
    String publicUrl();

    /** The course served at {@code /api/agenda}. */
    @WithDefault("ml-in-production")
    String defaultCourse();

    interface Db {
        /** JDBC URL (SYLLABUS_DB_URL). */
        String url();

        /** SYLLABUS_DB_USER. */
        String user();

        /** SYLLABUS_DB_PASSWORD. */
        Optional<String> password();
    }

    interface Content {
        /** A folder with one sub-folder per course, read after the built-in content; a course here replaces a built-in one. */
        Optional<String> dir();
    }
}
