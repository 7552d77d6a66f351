package dev.syllabus.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.syllabus.domain.DomainException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tool's answer to a deep-linking request (LTI Deep Linking 2.0, section 4.2): one resource
 * link per homework the instructor picked, each with a line item (its label, a maximum of 100 and
 * the homework's code as resource id, which is how grades find their column later), addressed to
 * the platform that asked and echoing its data. Pure: the caller signs the claims.
 */
public final class DeepLinks {

    public static final String RESPONSE = "LtiDeepLinkingResponse";
    static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    static final String MESSAGE = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int SCORE_MAXIMUM = 100;

    private DeepLinks() {}

    /** A homework the course offers, as a link names it. */
    public record Offered(String code, String title) {
        String label() {
            return code + ": " + title;
        }
    }

    /** Who asked: the platform (its issuer and the client id it gave the tool), the deployment, its data. */
    public record Asker(String issuer, String clientId, String deploymentId, String data) {}

    /**
     * The homework picked by code, in the course's order, each once. Refuses a code the course does
     * not have, an empty pick unless the instructor cancelled (an empty answer places nothing), and
     * more than one where the platform takes one link at a time.
     */
    public static List<Offered> picked(
            List<Offered> offered, Collection<String> codes, boolean cancelled, boolean multiple) {
        if (cancelled) {
            return List.of();
        }
        Set<String> wanted = codes.stream().map(String::strip).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            throw DomainException.invalid("homework", "choose at least one homework to place in the platform");
        }
        Set<String> known = offered.stream().map(Offered::code).collect(Collectors.toSet());
        wanted.stream().filter(code -> !known.contains(code)).findFirst().ifPresent(code -> {
            throw DomainException.invalid("homework", "'" + clip(code) + "' is not a homework of this course");
        });
        if (!multiple && wanted.size() > 1) {
            throw DomainException.invalid("homework", "this platform takes one homework at a time: pick one");
        }
        return offered.stream().filter(h -> wanted.contains(h.code())).toList();
    }

    /** The claims of the answer that places {@code picked}, each linking to its page of the course on {@code toolUrl}. */
    public static JWTClaimsSet answer(
            Asker asker, List<Offered> picked, String toolUrl, String courseSlug, String nonce, Instant now) {
        List<Map<String, Object>> items = picked.stream()
                .map(homework -> {
                    Map<String, Object> lineItem = new LinkedHashMap<>();
                    lineItem.put("scoreMaximum", SCORE_MAXIMUM);
                    lineItem.put("label", homework.label());
                    lineItem.put("resourceId", homework.code());
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("type", "ltiResourceLink");
                    item.put("title", homework.label());
                    item.put(
                            "url",
                            toolUrl + "/homework/" + homework.code() + "?course="
                                    + URLEncoder.encode(courseSlug, StandardCharsets.UTF_8));
                    item.put("lineItem", lineItem);
                    return item;
                })
                .toList();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(asker.clientId())
                .audience(asker.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("nonce", nonce)
                .claim(LaunchRules.LTI + "deployment_id", asker.deploymentId())
                .claim(LaunchRules.LTI + "message_type", RESPONSE)
                .claim(LaunchRules.LTI + "version", LaunchRules.VERSION)
                .claim(CONTENT_ITEMS, items)
                .claim(
                        MESSAGE,
                        picked.isEmpty()
                                ? "No homework was placed."
                                : "Syllabus placed " + picked.size() + " homework, each with a grade column.");
        if (asker.data() != null) {
            claims.claim(DATA, asker.data());
        }
        return claims.build();
    }

    private static String clip(String code) {
        return code.length() > 20 ? code.substring(0, 20) + "..." : code;
    }
}
