package dev.syllabus.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What makes a platform's id_token a launch of this tool (LTI 1.3 Core, section 5.1.3 and OpenID
 * Connect Core 3.1.3.7), once its signature has been checked against the platform's keys: the
 * issuer and audience, its lifetime with a small skew, the nonce of the login that asked for it,
 * a deployment the tool knows, and an LTI message this tool handles. Pure: the caller says what it
 * expects.
 */
public final class LaunchRules {

    public static final String VERSION = "1.3.0";
    public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING = "LtiDeepLinkingRequest";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    private LaunchRules() {}

    /** What the login that asked for this token expects of it. */
    public record Expected(String issuer, String clientId, String nonce, Instant now, Duration skew) {}

    /** Why the claims are not a launch this login asked for, or empty when they are. */
    public static Optional<String> refusal(JWTClaimsSet claims, Expected expected, Predicate<String> knownDeployment) {
        if (!expected.issuer().equals(claims.getIssuer())) {
            return Optional.of("the id_token's issuer (iss) is not the platform this launch started with");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(expected.clientId())) {
            return Optional.of("the id_token's audience (aud) does not name this tool's client id");
        }
        String azp = text(claims, "azp");
        if ((audience.size() > 1 || azp != null) && !expected.clientId().equals(azp)) {
            return Optional.of("the id_token's authorized party (azp) is not this tool's client id");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || expected.now().minus(expected.skew()).isAfter(expires.toInstant())) {
            return Optional.of("the id_token has expired (exp)");
        }
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().isAfter(expected.now().plus(expected.skew()))) {
            return Optional.of("the id_token has no issue time (iat), or one in the future");
        }
        if (!expected.nonce().equals(text(claims, "nonce"))) {
            return Optional.of("the id_token's nonce is not the one this login issued: it was used before, or"
                    + " belongs to another login");
        }
        if (!VERSION.equals(text(claims, LTI + "version"))) {
            return Optional.of("the launch is not LTI version 1.3.0");
        }
        String type = text(claims, LTI + "message_type");
        if (!RESOURCE_LINK.equals(type) && !DEEP_LINKING.equals(type)) {
            return Optional.of("the message type '" + type + "' is not one this tool handles");
        }
        String deployment = text(claims, LTI + "deployment_id");
        if (deployment == null || !knownDeployment.test(deployment)) {
            return Optional.of("the deployment '" + deployment + "' is not registered with this tool");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            return Optional.of("the launch names no user (sub): anonymous launches are not supported");
        }
        if (RESOURCE_LINK.equals(type) && text(map(claims, LTI + "resource_link"), "id") == null) {
            return Optional.of("the resource link launch has no resource_link id");
        }
        if (DEEP_LINKING.equals(type) && text(map(claims, DEEP_LINKING_SETTINGS), "deep_link_return_url") == null) {
            return Optional.of("the deep linking request has no deep_link_return_url");
        }
        return Optional.empty();
    }

    /**
     * The parts of an accepted launch this tool uses. {@code platformPages}: the platform's own
     * addresses the launch names (its return URL, its URL), which say where its pages are.
     */
    public record Launch(
            String issuer,
            String subject,
            String deploymentId,
            String messageType,
            String name,
            String email,
            List<String> roles,
            String contextId,
            String contextTitle,
            String targetLinkUri,
            String deepLinkReturnUrl,
            String deepLinkData,
            boolean deepLinkMultiple,
            String lineItemsUrl,
            String membershipsUrl,
            List<String> platformPages) {

        public boolean deepLinking() {
            return DEEP_LINKING.equals(messageType);
        }
    }

    /** Reads an accepted launch (see {@link #refusal}). */
    public static Launch read(JWTClaimsSet claims) {
        Map<String, Object> context = map(claims, LTI + "context");
        Map<String, Object> settings = map(claims, DEEP_LINKING_SETTINGS);
        String name = text(claims, "name");
        if (name == null) {
            String given = text(claims, "given_name");
            String family = text(claims, "family_name");
            name = given == null && family == null
                    ? null
                    : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        List<String> roles;
        try {
            List<String> listed = claims.getStringListClaim(LTI + "roles");
            roles = listed == null ? List.of() : List.copyOf(listed);
        } catch (ParseException e) {
            roles = List.of();
        }
        return new Launch(
                claims.getIssuer(),
                claims.getSubject(),
                text(claims, LTI + "deployment_id"),
                text(claims, LTI + "message_type"),
                name,
                text(claims, "email"),
                roles,
                text(context, "id"),
                text(context, "title"),
                text(claims, LTI + "target_link_uri"),
                text(settings, "deep_link_return_url"),
                text(settings, "data"),
                !Boolean.FALSE.equals(settings.get("accept_multiple")),
                text(map(claims, AGS_ENDPOINT), "lineitems"),
                text(map(claims, NRPS), "context_memberships_url"),
                java.util.stream.Stream.of(
                                text(map(claims, LTI + "launch_presentation"), "return_url"),
                                text(map(claims, LTI + "tool_platform"), "url"))
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static String text(Map<String, Object> object, String name) {
        Object value = object.get(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof Map<?, ?> object ? (Map<String, Object>) object : Map.of();
    }
}
