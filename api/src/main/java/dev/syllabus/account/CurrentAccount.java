package dev.syllabus.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The signed-in account of the current request. */
@RequestScoped
public class CurrentAccount {

    private final SecurityIdentity identity;

    CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    public AccountService.Principal principal() {
        AccountService.Principal principal = identity.getAttribute(TokenIdentityProvider.PRINCIPAL);
        if (principal == null) {
            throw new UnauthorizedException();
        }
        return principal;
    }

    /** The signed-in account, if the request carries a valid token. */
    public Optional<AccountService.Principal> find() {
        return Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.PRINCIPAL));
    }

    public long id() {
        return principal().accountId();
    }

    public boolean isInstructor() {
        return identity.hasRole(Role.INSTRUCTOR.name()) || identity.hasRole(Role.READER);
    }
}
