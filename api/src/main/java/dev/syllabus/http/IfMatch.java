package dev.syllabus.http;

import dev.syllabus.domain.DomainException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header (RFC 9110 13.1.1): {@code *}, or a comma-separated list of entity
 * tags. If-Match compares strongly, so a weak tag ({@code W/"..."}) is kept apart and never
 * matches; a header that names only weak tags admits no version at all.
 *
 * @param any        no header (or an empty one), or {@code *}: whatever is current is admitted
 * @param strongTags the opaque tags named, without their quotes
 */
public record IfMatch(boolean any, Set<String> strongTags) {

    public static final String HEADER = "If-Match";

    private static final String TAG = "(W/)?\"[\\x21\\x23-\\x7E]*\"";
    /** The header's grammar, for the OpenAPI document's parameters and for {@link #parse}. */
    public static final String PATTERN = "^[ \\t]*(\\*|" + TAG + "([ \\t]*,[ \\t]*" + TAG + ")*)?[ \\t]*$";

    private static final Pattern WHOLE = Pattern.compile(PATTERN);
    private static final Pattern EACH = Pattern.compile("(W/)?\"([^\"]*)\"");

    public IfMatch {
        strongTags = Set.copyOf(strongTags);
    }

    /** Reads the header's value; absent (null) or empty means no condition. A malformed one is refused as a bad request. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return new IfMatch(true, Set.of());
        }
        if (!WHOLE.matcher(header).matches()) {
            throw DomainException.invalid(
                    HEADER, "must be * or a list of quoted entity tags, such as \"3f2a9c1d0b7e4a65\"");
        }
        Set<String> strong = new LinkedHashSet<>();
        Matcher tag = EACH.matcher(header);
        while (tag.find()) {
            if (tag.group(1) == null) {
                strong.add(tag.group(2));
            }
        }
        return new IfMatch(false, strong);
    }

    /** Whether the resource's current entity tag (unquoted) meets the condition. */
    public boolean admits(String currentTag) {
        return any || strongTags.contains(currentTag);
    }

    /** Whether one of the tags named meets {@code current} (a resource with several current tags). */
    public boolean admitsAny(Predicate<String> current) {
        return any || strongTags.stream().anyMatch(current);
    }
}
