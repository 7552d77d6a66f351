package dev.syllabus.account;

import dev.syllabus.domain.DomainException;
import dev.syllabus.http.Negotiation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Sign-in with GitHub (OAuth 2.0 with PKCE, the state bound to the browser by a cookie), and
 * linking a GitHub account to a signed-in one: a GitHub login counts only once GitHub has proven it.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class GithubSignInResource {

    private final GithubSignIn github;
    private final CurrentAccount current;

    GithubSignInResource(GithubSignIn github, CurrentAccount current) {
        this.github = github;
        this.current = current;
    }

    @GET
    @Path("/github/login")
    public Response startGithubSignIn(@QueryParam("redirect") String redirect, @QueryParam("nonce") String nonce) {
        GithubSignIn.Started started = github.authorize(redirect, nonce, null);
        return Response.status(302)
                .location(started.location())
                .cookie(binding(started.browserSecret()))
                .build();
    }

    @POST
    @Path("/github/link")
    @RolesAllowed({"STUDENT", "INSTRUCTOR"})
    public Response startGithubLink(@QueryParam("redirect") String redirect, @QueryParam("nonce") String nonce) {
        GithubSignIn.Started started = github.authorize(redirect, nonce, current.id());
        return Response.ok(
                        new AccountViews.GithubAuthorization(started.location().toString()))
                .cookie(binding(started.browserSecret()))
                .build();
    }

    @GET
    @Path("/github/callback")
    public Response finishGithubSignIn(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @CookieParam(BINDING_COOKIE) String browserSecret,
            HttpHeaders headers) {
        URI location;
        try {
            location = github.finish(code, state, error, browserSecret).location();
        } catch (DomainException refused) {
            boolean browser = Negotiation.preferred(headers, MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)
                    == MediaType.TEXT_HTML_TYPE;
            if (!browser || refused.reason() == DomainException.Reason.NOT_FOUND) {
                throw refused;
            }
            location = github.refusedPage(refused.getMessage());
        }
        return Response.status(302)
                .location(location)
                .cookie(new NewCookie.Builder(BINDING_COOKIE)
                        .value("")
                        .path(BINDING_PATH)
                        .maxAge(0)
                        .httpOnly(true)
                        .secure(github.secureCookies())
                        .sameSite(NewCookie.SameSite.LAX)
                        .build())
                .build();
    }

    /** The cookie that binds a GitHub sign-in to the browser that started it; only the callback reads it. */
    static final String BINDING_COOKIE = "syllabus_github_signin";

    private static final String BINDING_PATH = "/api/auth/github";

    private NewCookie binding(String secret) {
        return new NewCookie.Builder(BINDING_COOKIE)
                .value(secret)
                .path(BINDING_PATH)
                .maxAge((int) GithubSignIn.STATE_LIFETIME.toSeconds())
                .httpOnly(true)
                .secure(github.secureCookies())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
