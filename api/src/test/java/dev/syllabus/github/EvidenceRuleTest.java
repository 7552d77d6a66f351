package dev.syllabus.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.github.EvidenceRule.Credit;
import dev.syllabus.github.EvidenceRule.NotYet;
import dev.syllabus.github.EvidenceRule.Refused;
import dev.syllabus.github.EvidenceRule.Staff;
import dev.syllabus.github.EvidenceRule.Student;
import dev.syllabus.github.PullRequestFacts.Checks;
import dev.syllabus.github.PullRequestFacts.Review;
import dev.syllabus.github.PullRequestFacts.State;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The evidence policy's rules, called directly. */
class EvidenceRuleTest {

    private static final String HEAD = "a".repeat(40);
    private static final long OCTOCAT = 583231L;
    private static final Student PROVEN = new Student("octocat", OCTOCAT, true);
    private static final EvidencePolicy POLICY = new EvidencePolicy(List.of("grace-ta"), List.of());

    private static PullRequestFacts merged(Long authorId, String authorLogin, Checks checks, Review review) {
        return new PullRequestFacts(
                State.MERGED,
                HEAD,
                Instant.EPOCH,
                authorId,
                authorLogin,
                checks,
                HEAD,
                Set.of(),
                review,
                HEAD,
                Instant.EPOCH);
    }

    @Test
    void aMergedPullRequestWithPassingChecksByTheStudentCreditsItsTask() {
        assertThat(EvidenceRule.judge(
                        merged(OCTOCAT, "octocat", Checks.PASSING, Review.NONE), "H2/PR1", PROVEN, POLICY))
                .isEqualTo(new Credit("H2/PR1"));
        assertThat(EvidenceRule.judge(
                        merged(OCTOCAT, "octocat", Checks.FAILING, Review.APPROVED), "H2/PR1", PROVEN, POLICY))
                .isEqualTo(new Credit("H2/PR1"));
    }

    @Test
    void aPullRequestBySomeoneElseIsRefusedEvenUnderTheStudentsOldLogin() {
        // Someone took the login the student used to have: the id tells them apart.
        assertThat(EvidenceRule.judge(merged(9L, "octocat", Checks.PASSING, Review.NONE), "H2/PR1", PROVEN, POLICY))
                .isEqualTo(new Refused("opened by octocat, not by the repository's student octocat"));
        assertThat(EvidenceRule.judge(merged(null, "octocat", Checks.PASSING, Review.NONE), "H2/PR1", PROVEN, POLICY))
                .isEqualTo(new Refused("its author is not known yet"));
    }

    @Test
    void whereGithubSignInIsOnAnUnprovenStudentGetsNothing() {
        assertThat(EvidenceRule.judge(
                        merged(OCTOCAT, "octocat", Checks.PASSING, Review.NONE),
                        "H2/PR1",
                        new Student("octocat", null, true),
                        POLICY))
                .isEqualTo(new Refused("octocat has not signed in with GitHub, so their login is not proven"));
        assertThat(EvidenceRule.judge(
                        merged(null, "OctoCat", Checks.PASSING, Review.NONE),
                        "H2/PR1",
                        new Student("octocat", null, false),
                        POLICY))
                .as("without sign-in nobody is proven; the login is what there is")
                .isEqualTo(new Credit("H2/PR1"));
    }

    @Test
    void staffAreProvenInstructorsByIdAndTheCoursesReviewers() {
        Staff staff = new Staff(Set.of(1L), Set.of("admin"), true, POLICY);

        assertThat(staff.counts(1L, "renamed-admin")).isTrue();
        assertThat(staff.counts(7L, "admin"))
                .as("an instructor's login without GitHub's proof")
                .isFalse();
        assertThat(staff.counts(8L, "Grace-TA")).isTrue();
        assertThat(staff.counts(null, "a-classmate")).isFalse();
        assertThat(new Staff(Set.of(), Set.of("admin"), false, POLICY).counts(null, "admin"))
                .as("where nobody can be proven, instructors count by login")
                .isTrue();
    }

    @Provide
    Arbitrary<PullRequestFacts> pullRequests() {
        Arbitrary<String> sha = Arbitraries.of(HEAD, "b".repeat(40));
        return Combinators.combine(
                        Arbitraries.of(State.class),
                        sha,
                        Arbitraries.of(OCTOCAT, 9L).injectNull(0.2),
                        Arbitraries.of(Checks.class),
                        sha,
                        Arbitraries.of(Review.class),
                        sha)
                .as((state, checksSha, author, checks, reviewSha, review, headSha) -> new PullRequestFacts(
                        state,
                        headSha,
                        Instant.EPOCH,
                        author,
                        "octocat",
                        checks,
                        checksSha,
                        Set.of(),
                        review,
                        reviewSha,
                        Instant.EPOCH));
    }

    /** The policy in one sentence: credit needs a merge, a task, the student's own authorship, and passing checks or an approval, on the head. */
    @Property(tries = 1000)
    void creditOnlyForTheStudentsOwnMergedAndProvenWork(
            @ForAll("pullRequests") PullRequestFacts pr, @ForAll boolean hasTask, @ForAll boolean proven) {
        Student student = new Student("octocat", proven ? OCTOCAT : null, true);
        EvidenceRule.Verdict verdict = EvidenceRule.judge(pr, hasTask ? "H2/PR1" : null, student, POLICY);

        boolean checksOnHead = pr.checks() == Checks.PASSING && pr.checksSha().equals(pr.headSha());
        boolean approvalOnHead =
                pr.review() == Review.APPROVED && pr.reviewSha().equals(pr.headSha());
        boolean earned = pr.state() == State.MERGED && hasTask && (checksOnHead || approvalOnHead);
        boolean owns = proven && Long.valueOf(OCTOCAT).equals(pr.authorId());
        assertThat(verdict instanceof Credit).isEqualTo(earned && owns);
        assertThat(verdict instanceof NotYet).isEqualTo(!earned);
        assertThat(verdict instanceof Refused).isEqualTo(earned && !owns);
    }
}
