package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * LTI Dynamic Registration 1.0: the tool reads the platform's OpenID configuration, registers
 * itself at the platform's registration endpoint (with the platform's one-time token: its login,
 * redirect and key addresses, the scopes for grades and the roster, a deep-linking message) and
 * records the client id and the deployment the platform answers with.
 */
@ApplicationScoped
public class DynamicRegistration {

    private final LtiPlatforms platforms;
    private final PlatformCalls calls;
    private final LtiConfig config;
    private final ObjectMapper json;

    DynamicRegistration(LtiPlatforms platforms, PlatformCalls calls, LtiConfig config, ObjectMapper json) {
        this.platforms = platforms;
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    /** Registers the platform whose OpenID configuration is at {@code openidConfiguration}; the platform as registered. */
    public LtiViews.Platform register(String openidConfiguration, String registrationToken) {
        if (!config.dynamicRegistration()) {
            throw DomainException.forbidden(
                    "Dynamic registration is off here (SYLLABUS_LTI_DYNAMIC_REGISTRATION=false): an instructor"
                            + " registers the platform by hand.");
        }
        platforms.requireAvailable();
        calls.requireReachable("openid_configuration", openidConfiguration);
        JsonNode platform = calls.getJson("its OpenID configuration", openidConfiguration);
        String issuer = platform.path("issuer").asText("");
        calls.requireReachable("issuer", issuer);
        if (!Objects.equals(
                URI.create(issuer).getHost(), URI.create(openidConfiguration).getHost())) {
            throw DomainException.invalid(
                    "openid_configuration", "is not on the host of the issuer it names (" + issuer + ")");
        }
        String registrationEndpoint = required(platform, "registration_endpoint");
        String authorization = required(platform, "authorization_endpoint");
        String token = required(platform, "token_endpoint");
        String jwks = required(platform, "jwks_uri");
        for (String url : List.of(registrationEndpoint, authorization, token, jwks)) {
            calls.requireReachable("openid_configuration", url);
        }
        JsonNode registered =
                calls.postJson("a client id", registrationEndpoint, registrationToken, registration(platform));
        String clientId = registered.path("client_id").asText("");
        if (clientId.isBlank()) {
            throw DomainException.upstreamFailed("The platform's registration answer has no client_id.");
        }
        String deployment = registered
                .path(LtiPlatforms.TOOL_CONFIGURATION)
                .path("deployment_id")
                .asText("");
        String name = platform.path(LtiPlatforms.PLATFORM_CONFIGURATION)
                .path("product_family_code")
                .asText(URI.create(issuer).getHost());
        return QuarkusTransaction.requiringNew().call(() -> {
            LtiPlatformEntity saved = LtiPlatformEntity.of(issuer, clientId).orElse(null);
            if (saved == null) {
                saved = platforms.save(issuer, clientId, name, authorization, token, jwks, "dynamic");
            } else {
                saved.authorizationEndpoint = authorization;
                saved.tokenEndpoint = token;
                saved.jwksUri = jwks;
            }
            if (!deployment.isBlank()) {
                LtiDeploymentEntity.add(saved.id, deployment);
            }
            return platforms.view(saved);
        });
    }

    /** The tool's registration request (LTI Dynamic Registration 1.0, section 3.5). */
    private String registration(JsonNode platform) {
        LtiViews.Tool tool = platforms.tool();
        ObjectNode request = json.createObjectNode();
        request.put("application_type", "web");
        request.putArray("response_types").add("id_token");
        request.putArray("grant_types").add("implicit").add("client_credentials");
        request.put("initiate_login_uri", tool.loginUrl());
        request.putArray("redirect_uris").add(tool.redirectUrl());
        request.put("client_name", "Syllabus");
        request.put("jwks_uri", tool.jwksUrl());
        request.put("token_endpoint_auth_method", "private_key_jwt");
        request.put("scope", LtiPlatforms.SCOPES);
        ObjectNode lti = request.putObject(LtiPlatforms.TOOL_CONFIGURATION);
        lti.put("domain", tool.domain());
        lti.put("description", "A course's curriculum and homework checklist; grades flow back as homework passes.");
        lti.put("target_link_uri", tool.targetLinkUri());
        lti.putArray("claims")
                .add("iss")
                .add("sub")
                .add("name")
                .add("given_name")
                .add("family_name")
                .add("email");
        ObjectNode deepLinking = lti.putArray("messages").addObject();
        deepLinking.put("type", LaunchRules.DEEP_LINKING);
        deepLinking.put("target_link_uri", tool.targetLinkUri());
        deepLinking.put("label", "Syllabus homework");
        return request.toString();
    }

    private static String required(JsonNode configuration, String field) {
        String value = configuration.path(field).asText("");
        if (value.isBlank()) {
            throw DomainException.upstreamFailed("The platform's OpenID configuration has no " + field + ".");
        }
        return value;
    }
}
