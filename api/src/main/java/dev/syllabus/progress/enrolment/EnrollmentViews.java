package dev.syllabus.progress.enrolment;

import dev.syllabus.account.Passwords;
import dev.syllabus.domain.Names;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class EnrollmentViews {

    private EnrollmentViews() {}

    /** GitHub's rule for logins: letters, digits and single hyphens, not at either end, at most 39. */
    record JoinRequest(
            @Size(max = 39) @Pattern(regexp = Names.GITHUB_LOGIN, message = "must be a GitHub login")
            String login,

            @Size(max = 200) String name,

            @Email @Size(max = 320) String email,

            @Size(min = 10, max = Passwords.MAX_BYTES) String password,

            @Size(max = 64) String joinCode,

            @Size(max = 64) String inviteCode) {}

    record JoinCode(
            @Size(max = 64)
            @Pattern(regexp = "^([A-Za-z0-9-]{10,64})?$", message = "must be 10 to 64 letters, digits and hyphens")
            String code) {}

    record Invite(String login, String name, String email, boolean invited, String invite, String link) {}
}
