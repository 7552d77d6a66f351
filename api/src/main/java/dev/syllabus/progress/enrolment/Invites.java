package dev.syllabus.progress.enrolment;

import dev.syllabus.account.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * When a personal invite opens an account: only a rostered student account nobody has claimed
 * (no password set, not linked to GitHub), only with the code last issued for it, and only once
 * (using it, a GitHub claim or a reset clears it). Pure: {@link EnrollmentService} asks it.
 */
final class Invites {

    private Invites() {}

    /** What the rule needs to know of the account an invite is for. */
    record Account(Role role, boolean rostered, boolean hasPassword, boolean linkedToGithub) {}

    /** Whether an invite may be issued for the account at all. */
    static boolean issuable(Account account) {
        return account.role() == Role.STUDENT
                && account.rostered()
                && !account.hasPassword()
                && !account.linkedToGithub();
    }

    /**
     * Whether the presented code's digest opens the account, whose enrolment keeps {@code issued}
     * (the digest of the last code issued; null once used or voided). Compared in constant time.
     */
    static boolean opens(Account account, String issued, String presented) {
        return issuable(account)
                && issued != null
                && presented != null
                && MessageDigest.isEqual(
                        issued.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
