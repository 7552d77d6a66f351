package dev.syllabus.lti;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The origins a platform's pages come from, which may show Syllabus in their frames: its issuer's,
 * its authorization endpoint's, and those its accepted launches were posted from (Canvas, for one,
 * posts from each school's own domain, which neither of the others names). Pure.
 */
public final class FrameOrigins {

    /** Launch origins kept per platform, the oldest dropped first. */
    static final int LEARNED = 8;

    private static final Pattern ORIGIN =
            Pattern.compile("https?://[a-z0-9.-]{1,253}(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]{2,45}](:[0-9]{1,5})?");

    private FrameOrigins() {}

    /** The origin ({@code scheme://host[:port]}) of {@code url}, or empty when it is not an http(s) address. */
    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return strict(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code origin} when it is exactly an http(s) origin, lower-cased; it goes into a header, so nothing else passes. */
    public static Optional<String> strict(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return ORIGIN.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    /** The learned origins ({@code known}, space-separated) with {@code origin} among them: unchanged when it is. */
    public static String learn(String known, String origin) {
        List<String> origins = new ArrayList<>(split(known));
        if (origins.contains(origin)) {
            return known;
        }
        origins.add(origin);
        while (origins.size() > LEARNED) {
            origins.remove(0);
        }
        return String.join(" ", origins);
    }

    /**
     * Whether a launch posted from {@code postedFrom} (its Origin header) came from the platform:
     * no Origin, or an opaque one ({@code null}), says nothing either way (the signed token, the
     * state and the browser's cookie admit the launch); an origin must be one the platform is known
     * by, or one of the addresses the verified launch itself names ({@code named}: its return URL).
     */
    public static boolean admits(String postedFrom, Set<String> known, List<String> named) {
        if (postedFrom == null || postedFrom.isBlank() || "null".equals(postedFrom.strip())) {
            return true;
        }
        return strict(postedFrom)
                .filter(origin -> known.contains(origin)
                        || named.stream()
                                .map(FrameOrigins::of)
                                .flatMap(Optional::stream)
                                .anyMatch(origin::equals))
                .isPresent();
    }

    /** Every origin of one platform. */
    public static Set<String> ofPlatform(String issuer, String authorizationEndpoint, String learned) {
        Set<String> origins = new LinkedHashSet<>();
        of(issuer).ifPresent(origins::add);
        of(authorizationEndpoint).ifPresent(origins::add);
        origins.addAll(split(learned));
        return origins;
    }

    private static List<String> split(String known) {
        return known == null || known.isBlank()
                ? List.of()
                : Arrays.stream(known.strip().split(" +")).toList();
    }
}
