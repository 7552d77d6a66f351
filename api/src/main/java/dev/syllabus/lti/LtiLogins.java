package dev.syllabus.lti;

import dev.syllabus.account.Tokens;
import dev.syllabus.domain.DomainException;
import dev.syllabus.outbound.OutboundHttp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first half of an LTI 1.3 launch: the platform's third-party initiated login. The tool
 * answers with a redirect to the platform's authorization endpoint, the state bound to this
 * browser by a cookie of its own and a one-time nonce the id_token must carry.
 */
@ApplicationScoped
public class LtiLogins {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final LtiPlatforms platforms;

    LtiLogins(LtiPlatforms platforms) {
        this.platforms = platforms;
    }

    /** The login's request to the platform, and the secret the browser keeps in the cookie named {@code cookie}. */
    public record Started(URI location, String cookie, String browserSecret) {}

    /** A login request's parameters (LTI 1.3 Core, section 5.1.1; OIDC third-party initiated login). */
    public record LoginRequest(
            String issuer,
            String loginHint,
            String targetLinkUri,
            String messageHint,
            String clientId,
            String deploymentId) {}

    public Started login(LoginRequest request) {
        if (blank(request.issuer())) {
            throw DomainException.invalid("iss", "is required: the platform's issuer");
        }
        if (blank(request.loginHint())) {
            throw DomainException.invalid("login_hint", "is required");
        }
        if (blank(request.targetLinkUri()) || !TargetLinks.isTool(request.targetLinkUri(), platforms.publicUrl())) {
            throw DomainException.invalid(
                    "target_link_uri", "must be a page of this tool, on " + platforms.publicUrl());
        }
        String state = Tokens.newToken();
        String browserSecret = Tokens.newToken();
        String nonce = Tokens.newToken();
        Instant now = Instant.now();
        LtiPlatformEntity platform = QuarkusTransaction.requiringNew().call(() -> {
            LtiPlatformEntity found = platformOf(request);
            LtiLoginEntity.deleteOlderThan(now.minus(LIFETIME));
            LtiLoginEntity login = new LtiLoginEntity();
            login.stateHash = Tokens.digest(state);
            login.browserHash = Tokens.digest(browserSecret);
            login.nonce = nonce;
            login.platformId = found.id;
            login.createdAt = now;
            login.persist();
            return found;
        });
        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", platform.clientId);
        query.put("redirect_uri", platforms.launchUrl());
        query.put("login_hint", request.loginHint());
        query.put("state", state);
        query.put("nonce", nonce);
        if (!blank(request.messageHint())) {
            query.put("lti_message_hint", request.messageHint());
        }
        String separator = platform.authorizationEndpoint.contains("?") ? "&" : "?";
        URI location = URI.create(platform.authorizationEndpoint + separator + OutboundHttp.formEncoded(query));
        return new Started(location, cookieFor(state), browserSecret);
    }

    /** The cookie that binds the login with {@code state} to its browser: one per login, so launches in two frames do not collide. */
    public static String cookieFor(String state) {
        return "syllabus_lti_" + Tokens.digest(state).substring(0, 16);
    }

    private static LtiPlatformEntity platformOf(LoginRequest request) {
        List<LtiPlatformEntity> candidates = LtiPlatformEntity.ofIssuer(
                        request.issuer().strip())
                .stream()
                .filter(platform -> blank(request.clientId()) || platform.clientId.equals(request.clientId()))
                .filter(platform ->
                        blank(request.deploymentId()) || LtiDeploymentEntity.known(platform.id, request.deploymentId()))
                .toList();
        if (candidates.isEmpty()) {
            throw DomainException.notFound("No platform with issuer '" + request.issuer() + "'"
                    + (blank(request.clientId()) ? "" : " and client id '" + request.clientId() + "'")
                    + (blank(request.deploymentId()) ? "" : " and deployment '" + request.deploymentId() + "'")
                    + " is registered with this tool.");
        }
        if (candidates.size() > 1) {
            throw DomainException.invalid(
                    "client_id", "is required: this issuer has registered the tool more than once");
        }
        return candidates.get(0);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
