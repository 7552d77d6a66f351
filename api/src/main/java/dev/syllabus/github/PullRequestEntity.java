package dev.syllabus.github;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * What GitHub told us of one pull request. Check results and reviews count only for the commit
 * they were made on: a push moves {@code headSha} on and makes them stale.
 */
@Entity(name = "PullRequest")
@Table(name = "pull_request")
public class PullRequestEntity extends PanacheEntity {

    public enum State { OPEN, CLOSED, MERGED }

    public enum Checks { NONE, PENDING, PASSING, FAILING }

    public enum Review { NONE, APPROVED, CHANGES_REQUESTED }

    @Column(name = "course_id", nullable = false)
    public long courseId;
    @Column(name = "account_id", nullable = false)
    public long accountId;
    @Column(name = "full_name", nullable = false, length = 140)
    public String fullName;
    @Column(nullable = false)
    public int number;
    @Column(nullable = false, length = 500)
    public String url;
    @Column(nullable = false, length = 1000)
    public String title;
    @Column(name = "head_sha", nullable = false, length = 64)
    public String headSha;
    @Column(name = "head_ref", length = 300)
    public String headRef;
    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;
    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Checks checks;
    @Column(name = "checks_sha", length = 64)
    public String checksSha;
    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Review review;
    @Column(name = "review_sha", length = 64)
    public String reviewSha;
    @Column(name = "review_at")
    public Instant reviewAt;
    @Column(name = "item_id", length = 60)
    public String itemId;
    @Column(name = "assigned_by_hand", nullable = false)
    public boolean assignedByHand;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** The GitHub login that opened it: only the repository's own student earns credit with it. */
    @Column(name = "author_login", length = 39)
    public String authorLogin;

    /** The check result on the current head commit; NONE once a push made the last one stale. */
    public Checks currentChecks() {
        return headSha.equals(checksSha) ? checks : Checks.NONE;
    }

    /** The review on the current head commit; NONE once a push made the last one stale. */
    public Review currentReview() {
        return headSha.equals(reviewSha) ? review : Review.NONE;
    }
}
