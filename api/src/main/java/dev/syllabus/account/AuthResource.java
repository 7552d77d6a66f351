package dev.syllabus.account;

import dev.syllabus.domain.DomainException;
import dev.syllabus.http.HttpEdge;
import dev.syllabus.http.PathParams;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing in and out, and read-only tokens for integrations. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-in, sign-out and integration tokens.")
public class AuthResource {

    private final AccountService accounts;
    private final IntegrationTokens tokens;
    private final LoginThrottle throttle;
    private final CurrentAccount current;
    private final GithubSignIn github;
    private final AuthConfig config;
    private final HttpEdge edge;

    AuthResource(
            AccountService accounts,
            IntegrationTokens tokens,
            LoginThrottle throttle,
            CurrentAccount current,
            GithubSignIn github,
            AuthConfig config,
            HttpEdge edge) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.current = current;
        this.github = github;
        this.config = config;
        this.edge = edge;
    }

    @GET
    @Path("/providers")
    @Operation(
            operationId = "getSignInProviders",
            summary = "The ways to sign in here",
            description =
                    "Whether password sign-in is open to everyone (SYLLABUS_AUTH_PASSWORDS) and whether sign-in with GitHub is set up "
                            + "(SYLLABUS_GITHUB_CLIENT_ID); the web client shows only what is on.")
    @APIResponse(
            responseCode = "200",
            description = "The providers.",
            content = @Content(schema = @Schema(implementation = AccountViews.Providers.class)))
    public AccountViews.Providers providers() {
        return new AccountViews.Providers(config.auth().passwords(), github.enabled());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "login",
            summary = "Sign in with login and password",
            description =
                    "Answers a bearer token that expires. Repeated failures from one address slow that address down, at that login and "
                            + "across logins (429 with Retry-After, longer with each further failure); many failures at one login from everywhere "
                            + "hold back addresses that have not signed in to it lately. Unknown logins are answered exactly as known ones.")
    @APIResponse(
            responseCode = "200",
            description = "Signed in.",
            content = @Content(schema = @Schema(implementation = AccountViews.Session.class)))
    @APIResponse(responseCode = "401", description = "Wrong login or password.")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins; try again after Retry-After seconds.")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once; try again after Retry-After seconds.")
    public AccountViews.Session login(@NotNull @Valid AccountViews.LoginRequest request, RoutingContext http) {
        if (!Passwords.fits(request.password())) {
            throw DomainException.invalid("password", "must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
        }
        if (!config.auth().passwords()
                && !request.login().strip().equalsIgnoreCase(config.admin().login())) {
            throw DomainException.forbidden(
                    "Password sign-in is off here: sign in with GitHub (GET /api/auth/github/login).");
        }
        String address = edge.clientAddress(http);
        String login = request.login().strip();
        Instant blocked = throttle.attempt(login, address);
        if (blocked != null) {
            throw DomainException.throttled("Too many failed sign-ins from here; try again later.", blocked);
        }
        Optional<AccountViews.Session> session = accounts.login(login, request.password());
        if (session.isPresent()) {
            throttle.succeeded(login, address);
            return session.get();
        }
        throw DomainException.unauthenticated("Wrong login or password.");
    }

    @POST
    @Path("/logout")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "logout",
            summary = "Sign out: revoke the token of this request",
            description = "Revokes the bearer token this request carries; other tokens of the account keep working.")
    @APIResponse(responseCode = "204", description = "The token no longer works.")
    public Response logout() {
        accounts.logout(current.principal().tokenId());
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "getMe",
            summary = "The signed-in account",
            description = "The account the bearer token stands for: login, name, email and role.")
    @APIResponse(
            responseCode = "200",
            description = "The account.",
            content = @Content(schema = @Schema(implementation = AccountViews.Account.class)))
    public AccountViews.Account me() {
        return accounts.account(current.id());
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "createIntegrationToken",
            summary = "Create a long-lived, read-only token for an integration",
            description =
                    "A read-only token for a dashboard or another integration: it reads what instructors read and writes nothing. It expires after `expiresInDays`, at most the deployment's maximum (SYLLABUS_AUTH_INTEGRATION_TOKEN_MAX_DAYS, 90 days by default), which is also the default; a longer lifetime is a 400 naming the field.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the token is in this answer only.",
            content = @Content(schema = @Schema(implementation = AccountViews.IntegrationToken.class)))
    public Response createToken(@NotNull @Valid AccountViews.TokenRequest request) {
        AccountViews.IntegrationToken token = tokens.create(current.id(), request);
        return Response.created(URI.create("/api/auth/tokens/" + token.id()))
                .entity(token)
                .build();
    }

    @GET
    @Path("/tokens")
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "listIntegrationTokens",
            summary = "List this instructor's integration tokens (without the tokens themselves)",
            description =
                    "Every integration token this instructor created, oldest first, with when it expires or was revoked; the tokens themselves are shown only once, when created.")
    @APIResponse(
            responseCode = "200",
            description = "The tokens, oldest first.",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = AccountViews.IntegrationToken.class)))
    public List<AccountViews.IntegrationToken> listTokens() {
        return tokens.of(current.id());
    }

    @DELETE
    @Path("/tokens/{id}")
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "revokeIntegrationToken",
            summary = "Revoke an integration token",
            description = "The token stops working at once; revoking it again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    public Response revokeToken(@PathParam("id") String id) {
        long tokenId = PathParams.number("id", id, Integer.MAX_VALUE);
        if (!tokens.revoke(current.id(), tokenId)) {
            throw DomainException.notFound("You have no integration token " + tokenId + ".");
        }
        return Response.noContent().build();
    }
}
