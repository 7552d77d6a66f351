package dev.syllabus.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Collectors;

/**
 * Registered platforms: added by an instructor with the values the platform shows, or by the
 * platform itself ({@link DynamicRegistration}), and the origins whose pages may frame the tool.
 * Every URL the tool gives a platform is built on SYLLABUS_PUBLIC_URL.
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

    /** Every platform's origins, space-separated, believed for 15 s (nginx asks for each page). */
    private final Remembered<String> everyOrigin = new Remembered<>(
            Duration.ofSeconds(15), () -> QuarkusTransaction.requiringNew().call(() -> LtiPlatformEntity.all().stream()
                    .flatMap(platform ->
                            FrameOrigins.ofPlatform(
                                    platform.issuer, platform.authorizationEndpoint, platform.webOrigins)
                                    .stream())
                    .distinct()
                    .collect(Collectors.joining(" "))));

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
            everyOrigin.forget();
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
        return everyOrigin.get();
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
        everyOrigin.forget();
    }

    /** A new platform, saved. Call within a transaction. */
    LtiPlatformEntity save(
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
        everyOrigin.forget();
        return platform;
    }

    void requireAvailable() {
        if (!keys.available()) {
            keys.signing(); // refuses, naming the setting to set
        }
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

    LtiViews.Platform view(LtiPlatformEntity platform) {
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
