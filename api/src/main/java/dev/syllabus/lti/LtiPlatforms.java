package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Registered platforms: added by an instructor with the values the platform shows, or by the
 * platform itself through LTI Dynamic Registration 1.0 (the tool reads the platform's OpenID
 * configuration and registers at its registration endpoint). Every URL the tool gives a platform
 * is built on SYLLABUS_PUBLIC_URL.
 */
@ApplicationScoped
public class LtiPlatforms {

    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String SCOPES = String.join(
            " ",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

    private final PlatformCalls calls;
    private final ToolKeys keys;
    private final LtiConfig config;
    private final Courses courses;
    private final ObjectMapper json;
    private final String publicUrl;

    private static final Duration ORIGINS_FRESH = Duration.ofSeconds(15);

    private record Known(String origins, Instant at) {}

    private volatile Known everyOrigin;

    LtiPlatforms(
            PlatformCalls calls,
            ToolKeys keys,
            LtiConfig config,
            Courses courses,
            ObjectMapper json,
            SyllabusConfig settings) {
        this.calls = calls;
        this.keys = keys;
        this.config = config;
        this.courses = courses;
        this.json = json;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    /** The tool's addresses, as a platform registers them. */
    public LtiViews.Tool tool() {
        return new LtiViews.Tool(
                publicUrl + "/api/lti/register",
                publicUrl + "/api/lti/login",
                launchUrl(),
                publicUrl + "/api/lti/jwks",
                publicUrl + "/",
                URI.create(publicUrl).getHost(),
                keys.available());
    }

    public String launchUrl() {
        return publicUrl + "/api/lti/launch";
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Remembers an origin an accepted launch of this platform was posted from. Call within a transaction. */
    void learnOrigin(long platformId, String origin) {
        LtiPlatformEntity platform = LtiPlatformEntity.findById(platformId);
        String learned = FrameOrigins.learn(platform.webOrigins, origin);
        if (!learned.equals(platform.webOrigins)) {
            platform.webOrigins = learned;
            everyOrigin = null;
        }
    }

    /** One platform's origins, space-separated, as a frame-ancestors source list. Call within a transaction. */
    String frameAncestors(long platformId) {
        LtiPlatformEntity platform = LtiPlatformEntity.findById(platformId);
        return String.join(
                " ", FrameOrigins.ofPlatform(platform.issuer, platform.authorizationEndpoint, platform.webOrigins));
    }

    /**
     * Every registered platform's origins, space-separated: the web client's pages may open in
     * their frames (nginx asks for each page). Kept for a few seconds; a change on this replica
     * shows at once.
     */
    public String everyFrameAncestor() {
        Known known = everyOrigin;
        if (known == null || known.at().plus(ORIGINS_FRESH).isBefore(Instant.now())) {
            known =
                    new Known(
                            QuarkusTransaction.requiringNew().call(() -> LtiPlatformEntity.all().stream()
                                    .flatMap(platform -> FrameOrigins.ofPlatform(
                                            platform.issuer, platform.authorizationEndpoint, platform.webOrigins)
                                            .stream())
                                    .distinct()
                                    .collect(Collectors.joining(" "))),
                            Instant.now());
            everyOrigin = known;
        }
        return known.origins();
    }

    @Transactional
    public List<LtiViews.Platform> list() {
        return LtiPlatformEntity.all().stream().map(this::view).toList();
    }

    @Transactional
    public LtiViews.Platform get(long id) {
        return view(find(id));
    }

    /** Registers a platform by hand; a platform with this issuer and client id already is a conflict. */
    public LtiViews.Platform register(LtiViews.PlatformRequest request) {
        requireAvailable();
        calls.requireReachable("issuer", request.issuer());
        calls.requireReachable("authorizationEndpoint", request.authorizationEndpoint());
        calls.requireReachable("tokenEndpoint", request.tokenEndpoint());
        calls.requireReachable("jwksUri", request.jwksUri());
        List<String> deployments = request.deploymentIds() == null ? List.of() : request.deploymentIds();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (LtiPlatformEntity.of(request.issuer(), request.clientId()).isPresent()) {
                throw DomainException.conflict("A platform with issuer '" + request.issuer() + "' and client id '"
                        + request.clientId() + "' is registered already.");
            }
            LtiPlatformEntity platform = save(
                    request.issuer(),
                    request.clientId(),
                    request.name(),
                    request.authorizationEndpoint(),
                    request.tokenEndpoint(),
                    request.jwksUri(),
                    "manual");
            deployments.forEach(deployment -> LtiDeploymentEntity.add(platform.id, deployment.strip()));
            return view(platform);
        });
    }

    @Transactional
    public LtiViews.Platform addDeployment(long id, LtiViews.DeploymentRequest request) {
        LtiPlatformEntity platform = find(id);
        LtiDeploymentEntity.add(platform.id, request.deploymentId().strip());
        return view(platform);
    }

    @Transactional
    public void delete(long id) {
        find(id).delete();
        everyOrigin = null;
    }

    /**
     * LTI Dynamic Registration: reads the platform's OpenID configuration, registers the tool at
     * its registration endpoint (with the platform's one-time token) and records the client id and
     * the deployment the platform answers with.
     *
     * @return the registered platform
     */
    public LtiViews.Platform registerDynamically(String openidConfiguration, String registrationToken) {
        if (!config.dynamicRegistration()) {
            throw DomainException.forbidden(
                    "Dynamic registration is off here (SYLLABUS_LTI_DYNAMIC_REGISTRATION=false): an instructor"
                            + " registers the platform by hand.");
        }
        requireAvailable();
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
        String deployment =
                registered.path(TOOL_CONFIGURATION).path("deployment_id").asText("");
        String name = platform.path(PLATFORM_CONFIGURATION)
                .path("product_family_code")
                .asText(URI.create(issuer).getHost());
        return QuarkusTransaction.requiringNew().call(() -> {
            LtiPlatformEntity saved = LtiPlatformEntity.of(issuer, clientId).orElse(null);
            if (saved == null) {
                saved = save(issuer, clientId, name, authorization, token, jwks, "dynamic");
            } else {
                saved.authorizationEndpoint = authorization;
                saved.tokenEndpoint = token;
                saved.jwksUri = jwks;
            }
            if (!deployment.isBlank()) {
                LtiDeploymentEntity.add(saved.id, deployment);
            }
            return view(saved);
        });
    }

    /** The tool's registration request (LTI Dynamic Registration 1.0, section 3.5). */
    private String registration(JsonNode platform) {
        LtiViews.Tool tool = tool();
        ObjectNode request = json.createObjectNode();
        request.put("application_type", "web");
        request.putArray("response_types").add("id_token");
        request.putArray("grant_types").add("implicit").add("client_credentials");
        request.put("initiate_login_uri", tool.loginUrl());
        request.putArray("redirect_uris").add(tool.redirectUrl());
        request.put("client_name", "Syllabus");
        request.put("jwks_uri", tool.jwksUrl());
        request.put("token_endpoint_auth_method", "private_key_jwt");
        request.put("scope", SCOPES);
        ObjectNode lti = request.putObject(TOOL_CONFIGURATION);
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

    private LtiPlatformEntity save(
            String issuer,
            String clientId,
            String name,
            String authorization,
            String token,
            String jwks,
            String registeredBy) {
        LtiPlatformEntity platform = new LtiPlatformEntity();
        platform.issuer = issuer.strip();
        platform.clientId = clientId.strip();
        platform.name =
                name == null || name.isBlank() ? URI.create(issuer.strip()).getHost() : name.strip();
        platform.authorizationEndpoint = authorization.strip();
        platform.tokenEndpoint = token.strip();
        platform.jwksUri = jwks.strip();
        platform.registeredBy = registeredBy;
        platform.createdAt = Instant.now();
        platform.persist();
        everyOrigin = null;
        return platform;
    }

    private void requireAvailable() {
        if (!keys.available()) {
            keys.signing(); // refuses, naming the setting to set
        }
    }

    private static String required(JsonNode configuration, String field) {
        String value = configuration.path(field).asText("");
        if (value.isBlank()) {
            throw DomainException.upstreamFailed("The platform's OpenID configuration has no " + field + ".");
        }
        return value;
    }

    private static LtiPlatformEntity find(long id) {
        LtiPlatformEntity platform = LtiPlatformEntity.findById(id);
        if (platform == null) {
            throw DomainException.notFound("No LTI platform " + id + ".");
        }
        return platform;
    }

    /** A platform course as the instructor sees it. Call within a transaction. */
    LtiViews.LinkedContext linked(LtiContextEntity context) {
        return new LtiViews.LinkedContext(
                context.id,
                context.contextId,
                context.title,
                courses.slug(context.courseId),
                CourseRunEntity.<CourseRunEntity>findById(context.runId).name,
                context.syncedAt,
                context.syncedMembers);
    }

    private LtiViews.Platform view(LtiPlatformEntity platform) {
        List<LtiViews.LinkedContext> contexts = LtiContextEntity.ofPlatform(platform.id).stream()
                .map(this::linked)
                .toList();
        return new LtiViews.Platform(
                platform.id,
                platform.issuer,
                platform.clientId,
                platform.name,
                platform.authorizationEndpoint,
                platform.tokenEndpoint,
                platform.jwksUri,
                platform.registeredBy,
                LtiDeploymentEntity.ofPlatform(platform.id).stream()
                        .map(deployment -> deployment.deploymentId)
                        .toList(),
                contexts,
                platform.createdAt);
    }
}
