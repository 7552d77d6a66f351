package dev.syllabus.lti;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a launch's {@code target_link_uri} says: it must be a page of this tool (on
 * SYLLABUS_PUBLIC_URL's origin); its {@code course} query parameter names the course (the default
 * course where it names none); and a page of the web client is where the person lands.
 */
public final class TargetLinks {

    private static final Pattern WEB_PAGE =
            Pattern.compile("/|/weeks/\\d{1,4}|/homework/[Hh]\\d{1,4}|/checklist|/instructor");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TargetLinks() {}

    /** Whether {@code target} is on the tool's origin. */
    public static boolean isTool(String target, String publicUrl) {
        try {
            URI uri = URI.create(target);
            URI tool = URI.create(publicUrl);
            return tool.getScheme().equalsIgnoreCase(uri.getScheme())
                    && tool.getHost().equalsIgnoreCase(uri.getHost())
                    && tool.getPort() == uri.getPort();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The course the target names with {@code ?course=slug}, if it names one. */
    public static Optional<String> course(String target) {
        if (target == null) {
            return Optional.empty();
        }
        try {
            String query = URI.create(target).getRawQuery();
            return query == null
                    ? Optional.empty()
                    : Arrays.stream(query.split("&"))
                            .filter(pair -> pair.startsWith("course="))
                            .map(pair -> URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8))
                            .filter(slug -> SLUG.matcher(slug).matches())
                            .findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The web client's page the target names, or {@code fallback} when it names none. */
    public static String landing(String target, String fallback) {
        if (target == null) {
            return fallback;
        }
        try {
            String path = URI.create(target).getPath();
            if (path == null || path.isEmpty() || "/".equals(path)) {
                return fallback;
            }
            return WEB_PAGE.matcher(path).matches() ? path : fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
