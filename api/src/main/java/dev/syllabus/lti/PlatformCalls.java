package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.syllabus.domain.DomainException;
import dev.syllabus.outbound.OutboundHttp;
import dev.syllabus.outbound.TargetAddresses;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * What the tool asks of platforms, over HTTPS to public addresses only (unless
 * SYLLABUS_LTI_ALLOW_HTTP_PLATFORMS): their OpenID configuration and registration endpoint, and
 * their public keys, cached per JWKS address and fetched again when a token names a key the cache
 * does not hold (the platform rotated its keys).
 */
@ApplicationScoped
public class PlatformCalls {

    private static final int MAX_ANSWER = 256 * 1024;

    private final LtiConfig config;
    private final ObjectMapper json;
    private final OutboundHttp http;
    private final Map<String, CachedKeys> keys = new ConcurrentHashMap<>();

    private record CachedKeys(JWKSet set, Instant fetchedAt) {}

    PlatformCalls(LtiConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = new OutboundHttp(
                "Syllabus-LTI/1",
                config.allowHttpPlatforms(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                MAX_ANSWER,
                8);
    }

    void close(@Observes ShutdownEvent stopping) throws IOException {
        http.close();
    }

    /** Refuses, naming {@code field}, a platform URL that is not HTTPS on a public address (unless allowed). */
    public void requireReachable(String field, String url) {
        if (url == null || url.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        TargetAddresses.refusal(url, config.allowHttpPlatforms()).ifPresent(why -> {
            throw DomainException.invalid(field, why);
        });
    }

    /** A JSON document from the platform. */
    public JsonNode getJson(String what, String url) {
        return parse(what, http.exchange(new HttpGet(url)), url);
    }

    /** Posts JSON to the platform, with a bearer token when given, and reads its JSON answer. */
    public JsonNode postJson(String what, String url, String bearer, String body) {
        HttpPost post = new HttpPost(url);
        if (bearer != null && !bearer.isBlank()) {
            post.setHeader("Authorization", "Bearer " + bearer);
        }
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return parse(what, http.exchange(post), url);
    }

    /** Posts a form (a token request) and reads the platform's JSON answer. */
    public JsonNode postForm(String what, String url, Map<String, String> form) {
        HttpPost post = new HttpPost(url);
        post.setHeader("Accept", "application/json");
        post.setEntity(new UrlEncodedFormEntity(form.entrySet().stream()
                .map(field -> (NameValuePair) new BasicNameValuePair(field.getKey(), field.getValue()))
                .toList()));
        return parse(what, http.exchange(post), url);
    }

    /**
     * A call to a platform's service with the tool's access token: {@code body} (null for none) of
     * {@code contentType}, answered as {@code accept}. The reply as it came, for the caller to judge.
     */
    public OutboundHttp.Reply call(
            String method, String url, String token, String accept, String contentType, String body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
        request.setHeader("Authorization", "Bearer " + token);
        request.setHeader("Accept", accept);
        if (body != null) {
            request.setEntity(
                    new StringEntity(body, ContentType.create(contentType, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return http.exchange(request);
    }

    /** The platform's key named {@code kid}: from the cache, else from its JWKS fetched now. Null when it has none. */
    public JWK key(String jwksUri, String kid) {
        CachedKeys cached = keys.get(jwksUri);
        boolean fresh = cached != null
                && cached.fetchedAt().plus(config.platformKeysTtl()).isAfter(Instant.now());
        if (fresh && cached.set().getKeyByKeyId(kid) != null) {
            return cached.set().getKeyByKeyId(kid);
        }
        JWKSet fetched;
        try {
            fetched = JWKSet.parse(getJson("its public keys (JWKS)", jwksUri).toString());
        } catch (ParseException e) {
            throw DomainException.upstreamFailed("The platform's JWKS at " + jwksUri + " is not a JWK set.");
        }
        keys.put(jwksUri, new CachedKeys(fetched, Instant.now()));
        return fetched.getKeyByKeyId(kid);
    }

    JsonNode parse(String what, OutboundHttp.Reply reply, String url) {
        if (!reply.ok()) {
            String why = reply.status() == 0
                    ? reply.error()
                    : "it answered " + reply.status() + ": " + abbreviate(reply.body());
            throw DomainException.upstreamFailed(
                    "The platform did not give " + what + " at " + url + " (" + why + ").");
        }
        try {
            return json.readTree(reply.body());
        } catch (IOException e) {
            throw DomainException.upstreamFailed("The platform's " + what + " at " + url + " is not JSON.");
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
