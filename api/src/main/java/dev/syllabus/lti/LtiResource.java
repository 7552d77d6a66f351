package dev.syllabus.lti;

import dev.syllabus.domain.DomainException;
import dev.syllabus.http.HttpEdge;
import dev.syllabus.http.ProblemMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * LTI 1.3 as platforms and browsers call it: the tool's keys, dynamic registration, the platform's
 * login and launch, a deep-linking pick, and which platforms may frame the web client. What a
 * browser opens inside the platform answers HTML. Instructors' calls: {@link LtiInstructorResource}.
 */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
public class LtiResource {

    private final ToolKeys keys;
    private final LtiPlatforms platforms;
    private final DynamicRegistration registration;
    private final LtiLogins logins;
    private final LtiLaunches launches;
    private final LtiDeepLinking deepLinking;

    LtiResource(
            ToolKeys keys,
            LtiPlatforms platforms,
            DynamicRegistration registration,
            LtiLogins logins,
            LtiLaunches launches,
            LtiDeepLinking deepLinking) {
        this.keys = keys;
        this.platforms = platforms;
        this.registration = registration;
        this.logins = logins;
        this.launches = launches;
        this.deepLinking = deepLinking;
    }

    @GET
    @Path("/lti/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        if (!keys.available()) {
            keys.signing(); // refuses, naming the setting
        }
        return Response.ok(keys.publicKeys().toJSONObject(true))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .build();
    }

    /**
     * Which learning platforms may show the web client in their frames: asked by the web server in
     * front of it (nginx's auth_request) for each page, whose frame-ancestors it fills in.
     */
    @GET
    @Path("/lti/frame-ancestors")
    public Response frameAncestors() {
        return Response.noContent()
                .header("Syllabus-Frame-Ancestors", platforms.everyFrameAncestor())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("/lti/tool")
    @Produces(MediaType.APPLICATION_JSON)
    public LtiViews.Tool tool() {
        return platforms.tool();
    }

    @GET
    @Path("/lti/register")
    @Produces(MediaType.TEXT_HTML)
    public Response register(
            @QueryParam("openid_configuration") String openidConfiguration,
            @QueryParam("registration_token") String registrationToken) {
        return page("Syllabus could not register", () -> {
            LtiViews.Platform platform = registration.register(openidConfiguration, registrationToken);
            return answer(LtiPages.registered(platform.name(), platforms.frameAncestors(platform.id())));
        });
    }

    @GET
    @Path("/lti/login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginByQuery(
            @QueryParam("iss") String issuer,
            @QueryParam("login_hint") String loginHint,
            @QueryParam("target_link_uri") String targetLinkUri,
            @QueryParam("lti_message_hint") String messageHint,
            @QueryParam("client_id") String clientId,
            @QueryParam("lti_deployment_id") String deploymentId) {
        return login(new LtiLogins.LoginRequest(issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId));
    }

    @POST
    @Path("/lti/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response loginByForm(
            @FormParam("iss") String issuer,
            @FormParam("login_hint") String loginHint,
            @FormParam("target_link_uri") String targetLinkUri,
            @FormParam("lti_message_hint") String messageHint,
            @FormParam("client_id") String clientId,
            @FormParam("lti_deployment_id") String deploymentId) {
        return login(new LtiLogins.LoginRequest(issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId));
    }

    @POST
    @Path("/lti/launch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response launch(
            @FormParam("id_token") String idToken,
            @FormParam("state") String state,
            @FormParam("error") String error,
            @FormParam("error_description") String errorDescription,
            HttpHeaders headers,
            RoutingContext http) {
        return page("Syllabus could not open", () -> {
            if (error != null && !error.isBlank()) {
                throw DomainException.forbidden("The platform did not launch Syllabus (" + error.strip()
                        + (errorDescription == null ? "" : ": " + errorDescription.strip()) + ").");
            }
            Map<String, Cookie> cookies = headers.getCookies();
            LtiLaunches.Admitted admitted =
                    launches.launch(idToken, state, http.get(HttpEdge.PLATFORM_ORIGIN), name -> {
                        Cookie cookie = cookies.get(name);
                        return cookie == null ? null : cookie.getValue();
                    });
            Response page = answer(LtiPages.launched(
                    platforms.publicUrl(),
                    admitted.landing(),
                    admitted.session().token(),
                    admitted.platformOrigin()));
            return Response.fromResponse(page)
                    .cookie(loginCookie(LtiLogins.cookieFor(state.strip()), "", 0))
                    .build();
        });
    }

    /**
     * The instructor's pick of homework for a deep-linking request, posted by the web client's
     * picker as a plain form (its page may post only to its own origin): answers the page that
     * carries the signed answer back to the platform.
     */
    @POST
    @Path("/lti/deep-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response deepLink(
            @FormParam("request") String request,
            @FormParam("session") String session,
            @FormParam("homework") List<String> homework,
            @FormParam("cancel") String cancel) {
        return page("Syllabus could not place the homework", () -> {
            LtiDeepLinking.Answer answer =
                    deepLinking.answer(request, session, homework == null ? List.of() : homework, cancel != null);
            return answer(LtiPages.deepLinked(answer.returnUrl(), answer.jwt(), answer.platformOrigin()));
        });
    }

    private Response login(LtiLogins.LoginRequest request) {
        return page("Syllabus could not open", () -> {
            LtiLogins.Started started = logins.login(request);
            return Response.status(302)
                    .location(started.location())
                    .cookie(loginCookie(
                            started.cookie(), started.browserSecret(), (int) LtiLogins.LIFETIME.toSeconds()))
                    .build();
        });
    }

    /**
     * The cookie binding a login to its browser. The launch is a cross-site form post from the
     * platform, so over HTTPS the cookie is SameSite=None (and Secure); on plain HTTP, for local
     * use, Lax (a platform on another port of the same host is the same site).
     */
    private NewCookie loginCookie(String name, String value, int maxAge) {
        boolean secure = platforms.publicUrl().startsWith("https://");
        return new NewCookie.Builder(name)
                .value(value)
                .path("/api/lti")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(secure ? NewCookie.SameSite.NONE : NewCookie.SameSite.LAX)
                .build();
    }

    /** Runs {@code answer}; a refusal becomes a page that says why, with the refusal's status. */
    private static Response page(String title, Supplier<Response> answer) {
        try {
            return answer.get();
        } catch (DomainException refused) {
            return answer(LtiPages.refused(ProblemMapper.statusOf(refused.reason()), title, refused.getMessage()));
        }
    }

    /** A page as an answer nobody caches, under its own policy (the frame it may open in, its one script). */
    private static Response answer(LtiPages.Page page) {
        return Response.status(page.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", page.policy())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .entity(page.html())
                .build();
    }
}
