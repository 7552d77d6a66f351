package dev.syllabus.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a bearer token into the account it stands for, with its role (or READER for read-only tokens). */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final String PRINCIPAL = "syllabus.principal";

    private final AccountService accounts;

    TokenIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        return context.runBlocking(() -> accounts.resolve(token)
                .map(principal -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(principal.login()))
                        .addRole(
                                principal.readOnly()
                                        ? Role.READER
                                        : principal.role().name())
                        .addAttribute(PRINCIPAL, principal)
                        .build())
                .orElseThrow(
                        () -> new AuthenticationFailedException("The bearer token is unknown, expired or revoked.")));
    }
}
