package dev.syllabus.github;

import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.github.PullRequestFacts.Checks;
import dev.syllabus.github.PullRequestFacts.Review;
import dev.syllabus.github.PullRequestFacts.State;
import java.util.Locale;
import java.util.Set;

/**
 * The evidence policy as rules: whose reviews count, and when a pull request credits its task.
 * Pure: the webhook service gathers the facts and records what the verdict says.
 */
public final class EvidenceRule {

    private EvidenceRule() {}

    /** The student a pull request's repository belongs to, as far as GitHub has proven who they are. */
    public record Student(String login, Long githubId, boolean proofRequired) {

        /** Whether the student's login counts: proven by GitHub, or nobody can be proven here. */
        public boolean proven() {
            return !proofRequired || githubId != null;
        }
    }

    /**
     * The people whose reviews count in a course: instructors who signed in with GitHub (by GitHub
     * user id), the course's listed reviewers, and, only where nobody can be proven (GitHub sign-in
     * is off), instructors by login.
     */
    public record Staff(
            Set<Long> instructorIds, Set<String> instructorLogins, boolean proofRequired, EvidencePolicy policy) {

        public boolean counts(Long reviewerId, String reviewerLogin) {
            if (reviewerId != null && instructorIds.contains(reviewerId)) {
                return true;
            }
            String login = reviewerLogin == null ? "" : reviewerLogin.toLowerCase(Locale.ROOT);
            return policy.isReviewer(login) || !proofRequired && instructorLogins.contains(login);
        }
    }

    /** What a pull request comes to for its task. */
    public sealed interface Verdict permits Credit, NotYet, Refused {}

    /** The pull request proves its task done. */
    public record Credit(String itemId) implements Verdict {}

    /** Nothing to credit yet: not merged, no task, or neither passing checks nor a staff approval on its head. */
    public record NotYet() implements Verdict {}

    /** It would prove its task, but the policy refuses it; the reason goes to the deliveries log. */
    public record Refused(String reason) implements Verdict {}

    /**
     * A merged pull request whose current head passed the course's checks or was approved by staff
     * credits its task, when the repository's own student opened it (by GitHub user id once their
     * login is proven) and, where GitHub sign-in is on, that student has proven their login.
     */
    public static Verdict judge(PullRequestFacts pr, String itemId, Student student, EvidencePolicy policy) {
        boolean accepted = pr.currentChecks(policy) == Checks.PASSING || pr.currentReview() == Review.APPROVED;
        if (pr.state() != State.MERGED || !accepted || itemId == null) {
            return new NotYet();
        }
        if (!student.proven()) {
            return new Refused(student.login() + " has not signed in with GitHub, so their login is not proven");
        }
        String authorship = authorship(pr, student);
        return authorship == null ? new Credit(itemId) : new Refused(authorship);
    }

    /** Why the pull request is not the student's own, or null when it is. */
    private static String authorship(PullRequestFacts pr, Student student) {
        if (student.githubId() != null) {
            if (pr.authorId() == null) {
                return "its author is not known yet";
            }
            return pr.authorId().equals(student.githubId())
                    ? null
                    : "opened by " + (pr.authorLogin() == null ? "GitHub user " + pr.authorId() : pr.authorLogin())
                            + ", not by the repository's student " + student.login();
        }
        if (pr.authorLogin() == null) {
            return "its author is not known yet";
        }
        return pr.authorLogin().equalsIgnoreCase(student.login())
                ? null
                : "opened by " + pr.authorLogin() + ", not by the repository's student " + student.login();
    }
}
