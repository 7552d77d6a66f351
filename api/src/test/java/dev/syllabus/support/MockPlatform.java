package dev.syllabus.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A learning platform in the test's process, as LTI 1.3 sees one: its own RSA keys (published at
 * {@code /jwks}, rotated on demand), an OpenID configuration, a registration endpoint that hands
 * out a client id and a deployment, and id_tokens signed as its launches carry them.
 */
public final class MockPlatform implements AutoCloseable {

    public static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every platform starts with this key: an RSA key takes a while to make, and no test tells platforms apart by key. */
    private static final RSAKey FIRST_KEY = newKey();
    /** A key no platform publishes, for tokens a forger signs. */
    public static final RSAKey FORGERS_KEY = newKey();

    private final HttpServer server;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final List<JsonNode> registrations = new CopyOnWriteArrayList<>();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final List<Score> scores = new CopyOnWriteArrayList<>();
    private final List<JsonNode> lineItems = new CopyOnWriteArrayList<>();
    private final List<JWTClaimsSet> assertions = new CopyOnWriteArrayList<>();
    private final List<JWTClaimsSet> deepLinkAnswers = new CopyOnWriteArrayList<>();
    private volatile String toolJwks;
    /** What the score endpoint answers (200 taken; 503 an outage). */
    private final AtomicInteger scoreStatus = new AtomicInteger(200);

    private final AtomicInteger refusedScores = new AtomicInteger();
    private final String accessToken = "access-" + UUID.randomUUID();

    /** A score as the platform took it: which line item, and the body. */
    public record Score(String lineItem, JsonNode body) {}

    /** Each platform course's roster, as NRPS lists it. */
    private final Map<String, List<Map<String, Object>>> rosters = new java.util.concurrent.ConcurrentHashMap<>();

    /** A roster member: user id, name, roles, and whether active. */
    public static Map<String, Object> member(String userId, String role, boolean active) {
        return Map.of(
                "user_id",
                userId,
                "name",
                "Person " + userId,
                "email",
                userId + "@school.example",
                "roles",
                List.of(role),
                "status",
                active ? "Active" : "Inactive");
    }

    /** Platform course {@code contextId}'s roster from now on. */
    public void roster(String contextId, List<Map<String, Object>> members) {
        rosters.put(contextId, List.copyOf(members));
    }

    /** The NRPS memberships address of platform course {@code contextId}. */
    public String membershipsUrl(String contextId) {
        return issuer() + "/courses/" + contextId + "/memberships";
    }

    private volatile RSAKey signing;
    private final String registrationToken = "reg-" + UUID.randomUUID();
    public final String clientId = "client-" + UUID.randomUUID().toString().substring(0, 8);
    public final String deploymentId =
            "deployment-" + UUID.randomUUID().toString().substring(0, 8);

    public MockPlatform() throws IOException {
        signing = FIRST_KEY;
        published.add(signing);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, configuration()));
        server.createContext("/jwks", exchange -> {
            keyFetches.incrementAndGet();
            answer(
                    exchange,
                    200,
                    new JWKSet(new ArrayList<>(published.stream()
                                    .map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
                                    .toList()))
                            .toString());
        });
        server.createContext("/register", this::register);
        server.createContext("/token", this::token);
        server.createContext("/courses/", this::gradebook);
        server.createContext("/deep-link-return/", this::deepLinkReturn);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String openidConfigurationUrl() {
        return issuer() + "/.well-known/openid-configuration";
    }

    public String registrationToken() {
        return registrationToken;
    }

    public List<JsonNode> registrations() {
        return registrations;
    }

    public List<Score> scores() {
        return scores;
    }

    public List<JsonNode> lineItems() {
        return lineItems;
    }

    public List<JWTClaimsSet> assertions() {
        return assertions;
    }

    public int refusedScores() {
        return refusedScores.get();
    }

    /** From now on the score endpoint answers {@code status} (503: the platform is down). */
    public void answerScoresWith(int status) {
        scoreStatus.set(status);
    }

    /** The AGS line items container of platform course {@code contextId}. */
    public String lineItemsUrl(String contextId) {
        return issuer() + "/courses/" + contextId + "/lineitems";
    }

    public int keyFetches() {
        return keyFetches.get();
    }

    /** A new signing key, published beside the old one (as a platform rotates). */
    public void rotateKeys() {
        signing = newKey();
        published.add(signing);
    }

    /** The manual registration's fields, as an instructor would type them. */
    public Map<String, Object> manualRegistration() {
        return Map.of(
                "issuer",
                issuer(),
                "clientId",
                clientId,
                "name",
                "Mock LMS",
                "authorizationEndpoint",
                issuer() + "/auth",
                "tokenEndpoint",
                issuer() + "/token",
                "jwksUri",
                issuer() + "/jwks",
                "deploymentIds",
                List.of(deploymentId));
    }

    /** The claims of a resource-link launch for {@code subject} in context {@code contextId}. */
    public JWTClaimsSet.Builder launch(String subject, String role, String contextId, String nonce, String target) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(clientId)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", "Person " + subject)
                .claim("email", subject + "@school.example")
                .claim(CLAIM + "version", "1.3.0")
                .claim(CLAIM + "message_type", "LtiResourceLinkRequest")
                .claim(CLAIM + "deployment_id", deploymentId)
                .claim(CLAIM + "target_link_uri", target)
                .claim(CLAIM + "resource_link", Map.of("id", "link-1"))
                .claim(CLAIM + "roles", List.of(role))
                .claim(CLAIM + "context", Map.of("id", contextId, "title", "Course " + contextId))
                .claim(
                        "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                        Map.of(
                                "scope",
                                List.of(
                                        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                        "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                                "lineitems",
                                lineItemsUrl(contextId)))
                .claim(
                        "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        Map.of(
                                "context_memberships_url",
                                membershipsUrl(contextId),
                                "service_versions",
                                List.of("2.0")));
    }

    /** The claims of a deep-linking request from {@code subject} in context {@code contextId}. */
    public JWTClaimsSet.Builder deepLinking(
            String subject, String role, String contextId, String nonce, String target) {
        return launch(subject, role, contextId, nonce, target)
                .claim(CLAIM + "message_type", "LtiDeepLinkingRequest")
                .claim(CLAIM + "resource_link", null)
                .claim(
                        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                        Map.of(
                                "deep_link_return_url",
                                deepLinkReturnUrl(contextId),
                                "accept_types",
                                List.of("ltiResourceLink"),
                                "accept_presentation_document_targets",
                                List.of("iframe", "window"),
                                "data",
                                "opaque-" + contextId));
    }

    public String deepLinkReturnUrl(String contextId) {
        return issuer() + "/deep-link-return/" + contextId;
    }

    /** Where the platform reads the tool's keys to check its deep-linking answers. */
    public void trustToolKeysAt(String jwksUrl) {
        toolJwks = jwksUrl;
    }

    /** The deep-linking answers the platform took, their signatures checked against the tool's keys. */
    public List<JWTClaimsSet> deepLinkAnswers() {
        return deepLinkAnswers;
    }

    /** Signs with the platform's current key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signing, signing.getKeyID());
    }

    /** Signs with {@code key}, naming {@code kid} in the header (a forger's token names a key it does not hold). */
    public static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(kid)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKid() {
        return signing.getKeyID();
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String configuration() {
        return JSON.createObjectNode()
                .put("issuer", issuer())
                .put("authorization_endpoint", issuer() + "/auth")
                .put("token_endpoint", issuer() + "/token")
                .put("jwks_uri", issuer() + "/jwks")
                .put("registration_endpoint", issuer() + "/register")
                .set(
                        "https://purl.imsglobal.org/spec/lti-platform-configuration",
                        JSON.createObjectNode().put("product_family_code", "mocklms"))
                .toString();
    }

    private void register(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + registrationToken).equals(auth)) {
            answer(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        registrations.add(request);
        answer(
                exchange,
                201,
                JSON.createObjectNode()
                        .put("client_id", clientId)
                        .setAll(Map.of(
                                "https://purl.imsglobal.org/spec/lti-tool-configuration",
                                JSON.createObjectNode().put("deployment_id", deploymentId)))
                        .toString());
    }

    /** The client-credentials grant: the tool's assertion is kept for the test to check. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> fields = form(exchange);
        try {
            assertions.add(SignedJWT.parse(fields.get("client_assertion")).getJWTClaimsSet());
        } catch (java.text.ParseException | NullPointerException e) {
            answer(exchange, 400, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        answer(
                exchange,
                200,
                JSON.createObjectNode()
                        .put("access_token", accessToken)
                        .put("token_type", "Bearer")
                        .put("expires_in", 3600)
                        .put("scope", fields.get("scope"))
                        .toString());
    }

    /**
     * A deep-linking answer, posted by the browser as a form: checked as a platform checks it (the
     * tool's signature by its published keys, addressed to this platform by its client), then a
     * line item made for each link that asks for one, as platforms make gradebook columns.
     */
    private void deepLinkReturn(HttpExchange exchange) throws IOException {
        String context = exchange.getRequestURI().getPath().substring("/deep-link-return/".length());
        String jwt = form(exchange).get("JWT");
        try {
            SignedJWT answer = SignedJWT.parse(jwt);
            JWKSet keys = JWKSet.load(java.net.URI.create(toolJwks).toURL());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(answer.getHeader().getKeyID());
            JWTClaimsSet claims = answer.getJWTClaimsSet();
            if (key == null
                    || !answer.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))
                    || !claims.getAudience().contains(issuer())
                    || !clientId.equals(claims.getIssuer())) {
                answer(exchange, 401, "{\"error\":\"not the tool's answer\"}");
                return;
            }
            deepLinkAnswers.add(claims);
            for (Object item :
                    (List<?>) claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")) {
                Object lineItem = ((Map<?, ?>) item).get("lineItem");
                if (lineItem != null) {
                    var made = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(lineItem);
                    made.put("id", lineItemsUrl(context) + "/" + (lineItems.size() + 1));
                    lineItems.add(made);
                }
            }
            answer(exchange, 200, "{}");
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            answer(exchange, 400, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(
                    java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    /** Line items and scores: /courses/{context}/lineitems[/{n}[/scores]], with the access token only. */
    private void gradebook(HttpExchange exchange) throws IOException {
        if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.endsWith("/memberships") && method.equals("GET")) {
            // Two members a page, the next page named by a Link header, as NRPS pages.
            String context = path.split("/")[2];
            List<Map<String, Object>> members = rosters.getOrDefault(context, List.of());
            String query = exchange.getRequestURI().getQuery();
            int page = query == null ? 0 : Integer.parseInt(query.replaceFirst("^.*page=(\\d+).*$", "$1"));
            int to = Math.min(members.size(), page * 2 + 2);
            var body = JSON.createObjectNode();
            body.putObject("context").put("id", context);
            var listed = body.putArray("members");
            members.subList(Math.min(page * 2, to), to).forEach(m -> listed.add(JSON.valueToTree(m)));
            if (to < members.size()) {
                exchange.getResponseHeaders()
                        .set("Link", "<" + membershipsUrl(context) + "?page=" + (page + 1) + ">; rel=\"next\"");
            }
            answer(exchange, 200, body.toString());
        } else if (path.endsWith("/lineitems") && method.equals("GET")) {
            String query = exchange.getRequestURI().getQuery();
            String resource = query == null ? null : query.replaceFirst("^.*resource_id=([^&]*).*$", "$1");
            var found = JSON.createArrayNode();
            lineItems.stream()
                    .filter(item -> item.path("id").asText().startsWith(issuer() + path))
                    .filter(item -> resource == null
                            || resource.equals(item.path("resourceId").asText()))
                    .forEach(found::add);
            answer(exchange, 200, found.toString());
        } else if (path.endsWith("/lineitems") && method.equals("POST")) {
            var item = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JSON.readTree(exchange.getRequestBody().readAllBytes());
            item.put("id", issuer() + path + "/" + (lineItems.size() + 1));
            lineItems.add(item);
            answer(exchange, 201, item.toString());
        } else if (path.endsWith("/scores") && method.equals("POST")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            int status = scoreStatus.get();
            if (status >= 300) {
                refusedScores.incrementAndGet();
                answer(exchange, status, "{\"error\":\"down\"}");
                return;
            }
            scores.add(new Score(issuer() + path.substring(0, path.length() - "/scores".length()), body));
            answer(exchange, 200, "{}");
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
