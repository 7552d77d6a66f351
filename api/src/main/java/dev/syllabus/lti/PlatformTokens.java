package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.syllabus.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for a platform's services (LTI Security Framework, section 4.1): the OAuth 2.0
 * client-credentials grant with a JWT the tool signs as its client ({@code aud} the platform's
 * token endpoint), each token kept until shortly before it expires.
 */
@ApplicationScoped
public class PlatformTokens {

    static final String SCOPES = LtiPlatforms.SCOPES;
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final ToolKeys keys;
    private final PlatformCalls calls;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();

    /** What a token is asked for with. */
    public record Client(long platformId, String clientId, String tokenEndpoint) {}

    private record Token(String value, Instant expires) {}

    PlatformTokens(ToolKeys keys, PlatformCalls calls) {
        this.keys = keys;
        this.calls = calls;
    }

    /** A token for the tool's services on this platform: the kept one, else a new one. */
    public String token(Client client) {
        Token kept = tokens.get(client.platformId());
        if (kept != null && kept.expires().minus(EARLY).isAfter(Instant.now())) {
            return kept.value();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion(client));
        form.put("scope", SCOPES);
        JsonNode answer = calls.postForm("an access token", client.tokenEndpoint(), form);
        String value = answer.path("access_token").asText("");
        if (value.isBlank()) {
            throw DomainException.upstreamFailed("The platform's token answer has no access_token.");
        }
        long seconds = answer.path("expires_in").asLong(3600);
        tokens.put(client.platformId(), new Token(value, Instant.now().plusSeconds(seconds)));
        return value;
    }

    /** The platform refused a kept token: the next call asks for a new one. */
    public void forget(long platformId) {
        tokens.remove(platformId);
    }

    private String assertion(Client client) {
        Instant now = Instant.now();
        return keys.sign(new JWTClaimsSet.Builder()
                .issuer(client.clientId())
                .subject(client.clientId())
                .audience(client.tokenEndpoint())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }
}
