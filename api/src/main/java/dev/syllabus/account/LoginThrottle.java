package dev.syllabus.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Failed sign-ins per client address over the lockout period, so one address cannot try passwords
 * across many accounts. Per-account lockout lives in the database (see AccountService).
 */
@ApplicationScoped
class LoginThrottle {

    private final AttemptThrottle perAddress;

    LoginThrottle(AuthConfig config) {
        this.perAddress = new AttemptThrottle(
                config.auth().maxFailedLoginsPerAddress(), config.auth().lockout());
    }

    Instant attempt(String address) {
        return perAddress.attempt(address);
    }

    void succeeded(String address) {
        perAddress.succeeded(address);
    }
}
