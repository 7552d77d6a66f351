package dev.syllabus.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the account endpoints send and receive. */
public final class AccountViews {

    private AccountViews() {}

    @Schema(name = "Account", description = "A person using Syllabus; never carries a password.")
    public record Account(
            @Schema(example = "octocat", description = "GitHub login")
            String login,

            @Schema(nullable = true, example = "Mona Lisa Octocat")
            String name,

            @Schema(nullable = true, example = "mona@example.org")
            String email,

            Role role,

            @Schema(
                    description =
                            "Whether GitHub has proven the login: the account signed in with GitHub at least once")
            boolean verified) {

        static Account of(AccountEntity entity) {
            return new Account(entity.login, entity.name, entity.email, entity.role, entity.githubId != null);
        }
    }

    @Schema(name = "GithubAuthorization", description = "Where to send the browser to continue with GitHub.")
    public record GithubAuthorization(
            @Schema(description = "GitHub's authorization page, with this link's one-time state")
            String location) {}

    @Schema(name = "LoginRequest")
    public record LoginRequest(
            @NotBlank @Size(max = 39) @Schema(example = "octocat")
            String login,

            @NotBlank
            @Size(max = Passwords.MAX_BYTES)
            @Schema(
                    description = "At most 72 bytes in UTF-8 (all that bcrypt reads)",
                    example = "correct horse battery staple")
            String password) {}

    @Schema(name = "Session", description = "A bearer token: send it as `Authorization: Bearer <token>`.")
    public record Session(
            @Schema(description = "The bearer token; shown once.")
            String token,

            Instant expiresAt,
            Account account) {}

    @Schema(name = "Providers", description = "The ways to sign in here.")
    public record Providers(
            @Schema(description = "Password sign-in for everyone (else only the first instructor)")
            boolean password,

            @Schema(description = "Sign-in with GitHub: GET /api/auth/github/login")
            boolean github) {}

    @Schema(name = "TokenRequest")
    public record TokenRequest(
            @NotBlank @Size(max = 100) @Schema(example = "grading dashboard")
            String label,

            @Min(1)
            @Max(3650)
            @Schema(
                    nullable = true,
                    description =
                            "Days until the token expires: 1 to the deployment's maximum (SYLLABUS_AUTH_INTEGRATION_TOKEN_MAX_DAYS, 90 by default); null for that maximum.",
                    example = "90")
            Integer expiresInDays) {}

    @Schema(name = "IntegrationToken", description = "A long-lived, read-only token for integrations.")
    public record IntegrationToken(
            long id,
            @Schema(example = "grading dashboard") String label,
            Instant createdAt,
            @Schema(nullable = true) Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt,

            @Schema(nullable = true, description = "The token itself: only in the answer that creates it.")
            String token) {

        static IntegrationToken of(AccessTokenEntity entity, String token) {
            return new IntegrationToken(
                    entity.id, entity.label, entity.createdAt, entity.expiresAt, entity.revokedAt, token);
        }
    }
}
