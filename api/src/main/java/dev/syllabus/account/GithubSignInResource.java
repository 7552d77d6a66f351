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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in with GitHub (OAuth 2.0 with PKCE, the state bound to the browser by a cookie), and
 * linking a GitHub account to a signed-in one: a GitHub login counts only once GitHub has proven it.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-in, sign-out and integration tokens.")
public class GithubSignInResource {

    private final GithubSignIn github;
    private final CurrentAccount current;

    GithubSignInResource(GithubSignIn github, CurrentAccount current) {
        this.github = github;
        this.current = current;
    }

    @GET
    @Path("/github/login")
    @Operation(
            operationId = "startGithubSignIn",
            summary = "Sign in with GitHub: go to GitHub",
            description =
                    "Answers 302 to GitHub's authorization page (OAuth 2.0 authorization code with a one-time state and PKCE S256). "
                            + "GitHub then brings the browser back to /api/auth/github/callback. `redirect` is the web client's page to land on "
                            + "(a path on this site; /checklist by default). 404 when sign-in with GitHub is not set up.")
    @APIResponse(
            responseCode = "302",
            description = "To GitHub.",
            headers =
                    @Header(
                            name = "Location",
                            description = "GitHub's authorization page.",
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "GithubSignInOff")
    public Response startGithubSignIn(
            @Parameter(description = "A path on this site to land on afterwards", example = "/checklist")
                    @QueryParam("redirect")
                    String redirect,
            @Parameter(
                            description =
                                    "A value the web client keeps for this sign-in and finds again in the fragment (16 to 64 letters, digits, '-' or '_')",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{16,64}$"))
                    @QueryParam("nonce")
                    String nonce) {
        GithubSignIn.Started started = github.authorize(redirect, nonce, null);
        return Response.status(302)
                .location(started.location())
                .cookie(binding(started.browserSecret()))
                .build();
    }

    @POST
    @Path("/github/link")
    @RolesAllowed({"STUDENT", "INSTRUCTOR"})
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "startGithubLink",
            summary = "Link your GitHub account: go to GitHub",
            description =
                    "For an account signed in with its password: answers where to send the browser (GitHub's authorization page) and sets "
                            + "the cookie that binds the link to this browser. When GitHub brings the browser back, the account is linked to that "
                            + "GitHub user and takes its login; its password, tokens and checklist stay. A GitHub account linked to another "
                            + "Syllabus account, or a login another unproven account holds, is refused with what to do.")
    @APIResponse(
            responseCode = "200",
            description = "Where to send the browser.",
            content = @Content(schema = @Schema(implementation = AccountViews.GithubAuthorization.class)))
    @APIResponse(responseCode = "404", ref = "GithubSignInOff")
    public Response startGithubLink(
            @Parameter(description = "A path on this site to land on afterwards", example = "/checklist")
                    @QueryParam("redirect")
                    String redirect,
            @Parameter(
                            description = "A value the web client keeps for this link and finds again in the fragment",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{16,64}$"))
                    @QueryParam("nonce")
                    String nonce) {
        GithubSignIn.Started started = github.authorize(redirect, nonce, current.id());
        return Response.ok(
                        new AccountViews.GithubAuthorization(started.location().toString()))
                .cookie(binding(started.browserSecret()))
                .build();
    }

    @GET
    @Path("/github/callback")
    @Operation(
            operationId = "finishGithubSignIn",
            summary = "Sign in with GitHub: GitHub comes back",
            description =
                    "GitHub's redirect after the person allowed (or refused) the sign-in. With a valid, unused state, in the browser that "
                            + "started the sign-in (its binding cookie), the code is exchanged for the person's GitHub identity, their account "
                            + "is found or created, and the answer is 302 to the web client's page with a Syllabus session token in the URL "
                            + "fragment (`#token=...&nonce=...`), never in the query string or a cookie; a link answers `#linked=github`. A "
                            + "wrong, expired or reused state, another browser, a refused consent, a login another unproven account holds, or "
                            + "GitHub being down get a problem, and nothing is created; a browser (one that asks for `text/html` before JSON) "
                            + "is sent instead to the web client's sign-in page with the problem's detail in the fragment "
                            + "(`/signin#github-error=...`), so a person never lands on a bare document.")
    @APIResponse(
            responseCode = "302",
            description =
                    "Signed in: to the web client, token in the fragment; or, for a browser, refused: to the sign-in page "
                            + "with `#github-error=...`.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The web client's page, with `#token=...`.",
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "403",
            description = "The person refused, GitHub refused the code, or another browser started this sign-in.")
    @APIResponse(
            responseCode = "409",
            description = "The GitHub login is held by an account GitHub has not proven; the detail says what to do.")
    @APIResponse(responseCode = "502", description = "GitHub did not answer as expected; nothing was created.")
    @APIResponse(responseCode = "404", ref = "GithubSignInOff")
    public Response finishGithubSignIn(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @Parameter(hidden = true) @CookieParam(BINDING_COOKIE) String browserSecret,
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
