package dev.syllabus.progress.schedule;

import dev.syllabus.config.SyllabusConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Addresses of students' private calendar feeds. Calendar apps cannot send a bearer token, so the
 * address itself is the secret: 160 random bits, of which only the digest is stored (as for bearer
 * tokens), so the address is shown once, when it is made; a new one replaces it (the old address
 * then stops working). It is handed out under SYLLABUS_PUBLIC_URL, where the web client passes /api on.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TOKEN_PATTERN = "[0-9a-f]{40}";

    private final String publicUrl;

    CalendarFeeds(SyllabusConfig config) {
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    static String newToken() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    String url(String token) {
        return publicUrl + "/api/calendars/" + token + ".ics";
    }

    /** The host the feeds' event UIDs are scoped to. */
    String host() {
        String host = URI.create(publicUrl).getHost();
        return host == null ? "syllabus" : host;
    }
}
