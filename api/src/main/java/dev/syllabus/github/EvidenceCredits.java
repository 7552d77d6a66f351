package dev.syllabus.github;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.GithubSignIn;
import dev.syllabus.content.Course;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.course.Courses;
import dev.syllabus.progress.checklist.ChecklistMarks;
import dev.syllabus.progress.checklist.RepositoryOwners;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a pull request earns: the evidence rules asked (with who the student is proven to be, the
 * course's policy and its staff), and the tick recorded when they credit its task.
 */
@ApplicationScoped
public class EvidenceCredits {

    private final ChecklistMarks marks;
    private final GithubSignIn signIn;
    private final Courses courses;

    EvidenceCredits(ChecklistMarks marks, GithubSignIn signIn, Courses courses) {
        this.marks = marks;
        this.signIn = signIn;
        this.courses = courses;
    }

    /**
     * Where sign-in with GitHub is set up, a GitHub login counts only once GitHub has proven it.
     * (Without it, nobody can be proven, and the login the student joined with is what there is.)
     */
    boolean provenEnough(long accountId) {
        return student(AccountEntity.findById(accountId)).proven();
    }

    private EvidenceRule.Student student(AccountEntity account) {
        return new EvidenceRule.Student(account.login, account.githubId, signIn.enabled());
    }

    /** The course's evidence policy, as its content says (course.toml's [evidence]). */
    EvidencePolicy policy(long courseId) {
        return courses.published(courseId).map(Course::evidencePolicy).orElse(EvidencePolicy.DEFAULT);
    }

    /** What crediting a pull request's task came to: a detail to report, or the reason it could not be credited. */
    record Credit(String detail, String refusal) {
        static final Credit NOTHING = new Credit("", null);

        /** What to add to a delivery's report: what was credited, or why nothing could be. */
        String summary() {
            return refusal != null ? "; not credited: " + refusal : detail;
        }
    }

    /**
     * Asks the evidence rules what the pull request comes to and, when it credits its task, records
     * the tick. Business refusals come back as a reason, never as an exception: the delivery is then
     * recorded as ignored.
     */
    public Credit complete(PullRequestEntity row) {
        String slug = courses.slug(row.courseId);
        GithubRepositoryEntity repository = GithubRepositoryEntity.named(row.fullName);
        if (repository != null && RepositoryOwners.Proof.REJECTED.name().equals(repository.ownerDecision)) {
            return new Credit("", "an instructor rejected " + row.fullName + " as the student's repository");
        }
        EvidenceRule.Verdict verdict = EvidenceRule.judge(
                row.facts(), row.itemId, student(AccountEntity.findById(row.accountId)), policy(row.courseId));
        if (verdict instanceof EvidenceRule.Refused refused) {
            return new Credit("", refused.reason());
        }
        if (!(verdict instanceof EvidenceRule.Credit credit)) {
            return Credit.NOTHING;
        }
        String refusal = marks.refusal(slug, row.accountId, credit.itemId());
        if (refusal != null) {
            return new Credit("", refusal);
        }
        marks.recordEvidence(slug, row.accountId, credit.itemId(), row.url, row.mergedAt);
        return new Credit("; " + credit.itemId() + " done", null);
    }

    /** The course's staff, whose reviews count: see {@link EvidenceRule.Staff}. */
    EvidenceRule.Staff staff(long courseId) {
        List<AccountEntity> instructors = AccountEntity.instructors();
        return new EvidenceRule.Staff(
                instructors.stream()
                        .map(a -> a.githubId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()),
                instructors.stream().map(a -> a.login.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                signIn.enabled(),
                policy(courseId));
    }
}
