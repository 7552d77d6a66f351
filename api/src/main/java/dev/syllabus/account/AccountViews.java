package dev.syllabus.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What the account endpoints send and receive. */
public final class AccountViews {

    private AccountViews() {}

    public record Account(String login, String name, String email, Role role, boolean verified) {

        static Account of(AccountEntity entity) {
            return new Account(entity.login, entity.name, entity.email, entity.role, entity.githubId != null);
        }
    }

    public record GithubAuthorization(String location) {}

    public record LoginRequest(
            @NotBlank @Size(max = 39) String login,

            @NotBlank @Size(max = Passwords.MAX_BYTES) String password) {}

    public record Session(String token, Instant expiresAt, Account account) {}

    public record Providers(boolean password, boolean github) {}

    public record TokenRequest(
            @NotBlank @Size(max = 100) String label,

            @Min(1) @Max(3650) Integer expiresInDays) {}

    public record IntegrationToken(
            long id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt, String token) {

        static IntegrationToken of(AccessTokenEntity entity, String token) {
            return new IntegrationToken(
                    entity.id, entity.label, entity.createdAt, entity.expiresAt, entity.revokedAt, token);
        }
    }
}
