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

/** Signing in and out, and read-only tokens for integrations. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
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
    public AccountViews.Providers providers() {
        return new AccountViews.Providers(config.auth().passwords(), github.enabled());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Response logout() {
        accounts.logout(current.principal().tokenId());
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public AccountViews.Account me() {
        return accounts.account(current.id());
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public Response createToken(@NotNull @Valid AccountViews.TokenRequest request) {
        AccountViews.IntegrationToken token = tokens.create(current.id(), request);
        return Response.created(URI.create("/api/auth/tokens/" + token.id()))
                .entity(token)
                .build();
    }

    @GET
    @Path("/tokens")
    @RolesAllowed("INSTRUCTOR")
    public List<AccountViews.IntegrationToken> listTokens() {
        return tokens.of(current.id());
    }

    @DELETE
    @Path("/tokens/{id}")
    @RolesAllowed("INSTRUCTOR")
    public Response revokeToken(@PathParam("id") String id) {
        long tokenId = PathParams.number("id", id, Integer.MAX_VALUE);
        if (!tokens.revoke(current.id(), tokenId)) {
            throw DomainException.notFound("You have no integration token " + tokenId + ".");
        }
        return Response.noContent().build();
    }
}
