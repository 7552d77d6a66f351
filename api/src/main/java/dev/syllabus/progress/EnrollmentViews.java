package dev.syllabus.progress;

import dev.syllabus.account.Passwords;
import dev.syllabus.domain.Names;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class EnrollmentViews {

    private EnrollmentViews() {}

    /** GitHub's rule for logins: letters, digits and single hyphens, not at either end, at most 39. */
    @Schema(name = "JoinRequest", description = "A student joining a course; their identity is their GitHub login.")
    record JoinRequest(
            @Size(max = 39)
            @Pattern(regexp = Names.GITHUB_LOGIN, message = "must be a GitHub login")
            @Schema(
                    nullable = true,
                    description = "GitHub login of the new account; leave it out when signed in (bearer token)",
                    example = "octocat")
            String login,

            @Size(max = 200) @Schema(nullable = true, example = "Mona Lisa Octocat")
            String name,

            @Email @Size(max = 320) @Schema(nullable = true, example = "mona@example.org")
            String email,

            @Size(min = 10, max = Passwords.MAX_BYTES)
            @Schema(
                    nullable = true,
                    description = "At least 10 characters and at most 72 bytes in UTF-8 (all that bcrypt reads); "
                            + "leave it out when signed in (bearer token)",
                    example = "correct horse battery staple")
            String password,

            @Size(max = 64)
            @Schema(nullable = true, description = "The course's join code: for a new account", example = "K7QX2M9RTA")
            String joinCode,

            @Size(max = 64)
            @Schema(
                    nullable = true,
                    description = "A personal invite code from the roster: claims that rostered account",
                    example = "Q7RT3KX9MP2W")
            String inviteCode) {}

    @Schema(name = "JoinCode")
    record JoinCode(
            @Size(max = 64)
            @Pattern(regexp = "^([A-Za-z0-9-]{10,64})?$", message = "must be 10 to 64 letters, digits and hyphens")
            @Schema(
                    nullable = true,
                    description = "The code, at least 10 characters; leave it out to get a random one",
                    example = "K7QX2M9RTA")
            String code) {}

    @Schema(name = "RosterInvite", description = "A rostered student nobody has claimed yet, and their invite.")
    record Invite(
            @Schema(example = "ada") String login,

            @Schema(nullable = true, example = "Ada Lovelace")
            String name,

            @Schema(nullable = true, example = "ada@example.org")
            String email,

            @Schema(
                    description =
                            "Whether a personal invite code is in force for them (codes are shown once, when issued)")
            boolean invited,

            @Schema(
                    nullable = true,
                    description = "The invite code just issued; null when listing",
                    example = "Q7RT3KX9MP2W")
            String invite,

            @Schema(
                    nullable = true,
                    description = "The invite link just issued (the web client's sign-in page); null when listing",
                    example = "http://localhost:5173/signin?course=ml-in-production&login=ada&invite=Q7RT3KX9MP2W")
            String link) {}
}
