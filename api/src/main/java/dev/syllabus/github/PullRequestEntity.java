package dev.syllabus.github;

import dev.syllabus.github.PullRequestFacts.Checks;
import dev.syllabus.github.PullRequestFacts.Review;
import dev.syllabus.github.PullRequestFacts.State;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One pull request as stored; its facts and their transitions are {@link PullRequestFacts}.
 */
@Entity(name = "PullRequest")
public class PullRequestEntity extends PanacheEntity {

    public long courseId;

    public long accountId;

    @Column(length = 140)
    public String fullName;

    public int number;

    @Column(length = 500)
    public String url;

    @Column(length = 1000)
    public String title;

    @Column(length = 64)
    public String headSha;

    @Column(length = 300)
    public String headRef;

    @Column(length = 20)
    @Enumerated(EnumType.STRING)
    public State state;

    @Column(length = 20)
    @Enumerated(EnumType.STRING)
    public Checks checks;

    @Column(length = 64)
    public String checksSha;
    /** Check runs that succeeded on {@code checksSha}, one name per line. */
    @Column(length = 5000)
    public String passedChecks;

    @Column(length = 20)
    @Enumerated(EnumType.STRING)
    public Review review;

    @Column(length = 64)
    public String reviewSha;

    public Instant reviewAt;

    @Column(length = 60)
    public String itemId;

    public boolean assignedByHand;

    public Instant updatedAt;
    /** GitHub's numeric id of the user who opened it: only the repository's own student earns credit with it. */
    public Long authorId;

    @Column(length = 39)
    public String authorLogin;
    /** When GitHub says it was merged: the completion time of the task it credits. */
    public Instant mergedAt;

    public PullRequestFacts facts() {
        Set<String> passed =
                passedChecks == null || passedChecks.isEmpty() ? Set.of() : Set.of(passedChecks.split("\n"));
        return new PullRequestFacts(
                state,
                headSha,
                updatedAt,
                authorId,
                authorLogin,
                checks,
                checksSha,
                passed,
                review,
                reviewSha,
                reviewAt);
    }

    public void take(PullRequestFacts facts) {
        state = facts.state();
        headSha = facts.headSha();
        updatedAt = facts.updatedAt();
        authorId = facts.authorId();
        authorLogin = facts.authorLogin();
        checks = facts.checks();
        checksSha = facts.checksSha();
        passedChecks = facts.passedChecks().isEmpty() ? null : String.join("\n", new TreeSet<>(facts.passedChecks()));
        review = facts.review();
        reviewSha = facts.reviewSha();
        reviewAt = facts.reviewAt();
    }

    /** The pull request {@code number} of the repository {@code fullName}, or null. */
    static PullRequestEntity find(String fullName, int number) {
        return PullRequestEntity.<PullRequestEntity>find("fullName = ?1 and number = ?2", fullName, number)
                .firstResult();
    }

    /** A student's pull requests matched to a checklist item, oldest change first. */
    static List<PullRequestEntity> matchedOf(long courseId, long accountId) {
        return list("courseId = ?1 and accountId = ?2 and itemId is not null order by updatedAt", courseId, accountId);
    }

    /** The repository's pull requests whose head is {@code sha}: a fork's checks name no pull request. */
    static List<PullRequestEntity> withHead(String fullName, String sha) {
        return list("fullName = ?1 and headSha = ?2", fullName, sha);
    }

    /** The pull requests tracked in a repository ("owner/name"). */
    public static List<PullRequestEntity> inRepository(String fullName) {
        return list("fullName", fullName);
    }
}
