package dev.syllabus.github;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.course.Courses;
import dev.syllabus.progress.checklist.ChecklistMarks;
import dev.syllabus.progress.checklist.ChecklistService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns GitHub webhook deliveries into checklist evidence: each pull request in a registered
 * repository is tracked (state, checks, review on its head commit) and matched to a task by the
 * students' naming convention; a merged pull request whose checks passed, or that was approved,
 * completes its task.
 */
@ApplicationScoped
public class GithubService {

    private final ChecklistService checklists;
    private final ChecklistMarks marks;
    private final EvidenceCredits credits;
    private final Courses courses;

    GithubService(ChecklistService checklists, ChecklistMarks marks, EvidenceCredits credits, Courses courses) {
        this.checklists = checklists;
        this.marks = marks;
        this.credits = credits;
        this.courses = courses;
    }

    /**
     * Handles one verified delivery, once: a delivery id seen before, or a body seen before under
     * another id (the id is not covered by the signature, so a copied delivery could be replayed
     * under a new one), is acknowledged and ignored.
     */
    @Transactional
    public Outcome deliver(String deliveryId, String bodySha256, String name, GithubEvent event) {
        if (DeliveryEntity.seen(deliveryId, bodySha256)) {
            return new Outcome(
                    "DUPLICATE",
                    "delivery " + deliveryId + " (or the same body under another id) was processed already");
        }
        String action = event.action();
        Outcome outcome = handle(event, action);
        DeliveryEntity delivery = new DeliveryEntity();
        delivery.deliveryId = deliveryId;
        delivery.event = name;
        delivery.action = action;
        delivery.repository = event.repository().fullName();
        delivery.receivedAt = Instant.now();
        delivery.outcome = outcome.outcome();
        delivery.detail = GithubEvent.truncate(outcome.detail(), 1000);
        delivery.bodySha256 = bodySha256;
        delivery.persist();
        return outcome;
    }

    // Tests of type rather than a switch on the sealed type: `make bench` builds the same source for
    // Java 17 as the start-up's reference, and Java 17 has no patterns in switch.
    private Outcome handle(GithubEvent event, String action) {
        if (event instanceof GithubEvent.PullRequestEvent pr) {
            return pullRequest(pr);
        } else if (event instanceof GithubEvent.ReviewEvent review) {
            return review(review);
        } else if (event instanceof GithubEvent.CheckEvent check) {
            return checks(check);
        } else if (event instanceof GithubEvent.MemberEvent member) {
            return "added".equals(action) ? member(member) : Outcome.ignored("only added members count");
        } else if (event instanceof GithubEvent.Other other) {
            return Outcome.ignored("event '" + other.name() + "' is not used");
        }
        return Outcome.processed("pong");
    }

    private Outcome pullRequest(GithubEvent.PullRequestEvent event) {
        GithubRepositoryEntity repository = registered(event.repository());
        if (repository == null) {
            return unregistered(event.repository());
        }
        PullRequestEntity row = upsert(repository, event.pullRequest());
        if (row == null) {
            return Outcome.ignored("an older event than the one already processed");
        }
        return completed(row, describe(row));
    }

    /** The outcome once {@code row} changed: processed, or ignored with the reason its task could not be credited. */
    private Outcome completed(PullRequestEntity row, String detail) {
        EvidenceCredits.Credit credit = credits.complete(row);
        String summary = detail + credit.summary();
        return credit.refusal() != null ? Outcome.ignored(summary) : Outcome.processed(summary);
    }

    private Outcome review(GithubEvent.ReviewEvent event) {
        GithubRepositoryEntity repository = registered(event.repository());
        if (repository == null) {
            return unregistered(event.repository());
        }
        GithubEvent.PullRequest pr = event.pullRequest();
        PullRequestEntity row = upsert(repository, pr);
        if (row == null) {
            row = PullRequestEntity.find(repository.fullName, pr.number());
        }
        String commit = event.commit();
        Instant at = event.submittedAt();
        if ("dismissed".equals(event.action()) || "dismissed".equals(event.state())) {
            row.take(row.facts().onDismissal(commit, PullRequestFacts.latest(pr.updatedAt(), at)));
            return Outcome.processed(describe(row) + ": review dismissed");
        }
        if (!"submitted".equals(event.action())) {
            return Outcome.ignored("review action '" + event.action() + "' is not used");
        }
        PullRequestFacts.Review decision =
                switch (event.state()) {
                    case "approved" -> PullRequestFacts.Review.APPROVED;
                    case "changes_requested" -> PullRequestFacts.Review.CHANGES_REQUESTED;
                    default -> null;
                };
        if (decision == null) {
            return Outcome.ignored("a comment review changes nothing");
        }
        String login = event.reviewerLogin();
        if (!credits.staff(row.courseId).counts(event.reviewerId(), login)) {
            return Outcome.ignored(
                    "review by " + (login.isEmpty() ? "an unknown account" : login)
                            + ", who is not course staff: only reviews by instructors who signed in with GitHub and the course's reviewers count");
        }
        if (!(row.facts().onReview(decision, commit, at) instanceof PullRequestFacts.Applied applied)) {
            return Outcome.ignored("a review older than the one already recorded");
        }
        row.take(applied.facts());
        String stale = commit.equals(row.headSha) ? "" : " (on an older commit: stale)";
        return completed(row, describe(row) + ": " + decision + stale);
    }

    /**
     * A check suite (or one named check run) completed on a commit. A named check run counts only
     * where the course lists its name (course.toml's evidence.checks).
     */
    private Outcome checks(GithubEvent.CheckEvent check) {
        String runName = check.runName();
        if (!"completed".equals(check.action())) {
            return Outcome.ignored(
                    runName == null ? "only completed check suites count" : "only completed check runs count");
        }
        if (runName != null) {
            GithubRepositoryEntity repository = registered(check.repository());
            if (repository == null) {
                return unregistered(check.repository());
            }
            if (!credits.policy(repository.courseId).checks().contains(runName)) {
                return Outcome.ignored(
                        "check run '" + GithubEvent.truncate(runName, 100) + "' is not one the course counts");
            }
        }
        String sha = check.headSha();
        String conclusion = check.conclusion();
        String fullName = check.repository().fullName();
        List<PullRequestEntity> rows = new ArrayList<>();
        for (int number : check.pullRequests()) {
            PullRequestEntity row = PullRequestEntity.find(fullName, number);
            if (row != null) {
                rows.add(row);
            }
        }
        if (check.pullRequests().isEmpty() && fullName != null) {
            // Forks: GitHub lists no pull requests, so match by the commit the checks ran on, in this repository only.
            rows.addAll(PullRequestEntity.withHead(fullName, sha));
        }
        if (rows.isEmpty()) {
            return Outcome.ignored("no tracked pull request has head commit " + sha);
        }
        List<String> done = new ArrayList<>();
        for (PullRequestEntity row : rows) {
            PullRequestFacts facts = row.facts();
            PullRequestFacts.Transition transition =
                    runName == null ? facts.onCheckSuite(sha, conclusion) : facts.onCheckRun(sha, runName, conclusion);
            if (transition instanceof PullRequestFacts.Stale stale) {
                done.add(describe(row) + ": " + stale.reason());
                continue;
            }
            row.take(((PullRequestFacts.Applied) transition).facts());
            EvidenceCredits.Credit credit = credits.complete(row);
            String what = runName == null ? "checks " : "check '" + runName + "' ";
            done.add(describe(row) + ": " + what + PullRequestFacts.Checks.ofConclusion(conclusion) + credit.summary());
        }
        return Outcome.processed(String.join("; ", done));
    }

    private Outcome member(GithubEvent.MemberEvent event) {
        GithubRepositoryEntity repository = registered(event.repository());
        if (repository == null) {
            return unregistered(event.repository());
        }
        String login = event.login();
        // Logins are handed out again: only GitHub's user id says who was added.
        boolean instructor = event.memberId() != null
                && AccountEntity.findByGithubId(event.memberId())
                        .filter(a -> a.role == Role.INSTRUCTOR)
                        .isPresent();
        if (!instructor) {
            return Outcome.ignored(login + " (GitHub user " + (event.memberId() == null ? "?" : event.memberId())
                    + ") is not an instructor linked to GitHub");
        }
        if (!"admin".equals(event.permission())) {
            return Outcome.ignored(login + " was added with '" + GithubEvent.truncate(event.permission(), 20)
                    + "' permission; the course asks for admin");
        }
        String slug = courses.slug(repository.courseId);
        return checklists
                .setupItem(slug, "admin")
                .map(item -> {
                    String refusal = marks.refusal(slug, repository.accountId, item);
                    if (refusal != null) {
                        return Outcome.ignored(item + " not credited: " + refusal);
                    }
                    marks.recordEvidence(
                            slug, repository.accountId, item, "https://github.com/" + repository.fullName, null);
                    return Outcome.processed(item + " done: " + login + " was added to " + repository.fullName);
                })
                .orElse(Outcome.ignored("the course has no setup item about adding the instructor"));
    }

    /** Creates or updates the row from a delivery's pull request; null when it is older than the row. */
    private PullRequestEntity upsert(GithubRepositoryEntity repository, GithubEvent.PullRequest pr) {
        int number = pr.number();
        PullRequestEntity row = PullRequestEntity.find(repository.fullName, number);
        if (row == null) {
            row = new PullRequestEntity();
            row.courseId = repository.courseId;
            row.accountId = repository.accountId;
            row.fullName = repository.fullName;
            row.number = number;
            row.take(PullRequestFacts.unknown());
        }
        if (!(row.facts().onPullRequest(pr.facts(), Instant.now()) instanceof PullRequestFacts.Applied applied)) {
            return null;
        }
        row.take(applied.facts());
        row.url = pullRequestUrl(repository.fullName, number, pr.htmlUrl());
        row.title = pr.title();
        row.headRef = pr.headRef();
        if (pr.mergedAt() != null && row.facts().state() == PullRequestFacts.State.MERGED) {
            row.mergedAt = pr.mergedAt();
        }
        if (!row.assignedByHand) {
            row.itemId = TaskMatcher.match(
                            checklists.itemIds(courses.slug(repository.courseId)), row.title, pr.body(), row.headRef)
                    .orElse(null);
        }
        row.persist();
        return row;
    }

    /** GitHub's link to the pull request, when it is one of this repository's; else the canonical one. */
    static String pullRequestUrl(String fullName, int number, String htmlUrl) {
        String canonical = "https://github.com/" + fullName + "/pull/" + number;
        return htmlUrl.equalsIgnoreCase(canonical) ? htmlUrl : canonical;
    }

    /**
     * The registered repository a delivery is about: the one with its name, bound to GitHub's
     * numeric repository id at its first delivery. Names are handed out again (a renamed or deleted
     * repository, a login someone else now holds); a delivery from another repository under the
     * same name is not the student's, and null.
     */
    private static GithubRepositoryEntity registered(GithubEvent.Repository repository) {
        String fullName = repository.fullName();
        GithubRepositoryEntity found = fullName == null ? null : GithubRepositoryEntity.named(fullName);
        Long id = repository.id();
        if (found == null || id == null) {
            return found;
        }
        if (found.githubId == null) {
            found.githubId = id;
        }
        return found.githubId.equals(id) ? found : null;
    }

    /** A delivery about no registered repository: acknowledged, and ignored. */
    private static Outcome unregistered(GithubEvent.Repository repository) {
        return Outcome.ignored("repository " + repository.fullName()
                + " is not registered by a student (or is another GitHub repository under that name)");
    }

    private static String describe(PullRequestEntity row) {
        return row.fullName + "#" + row.number + " " + row.state
                + (row.itemId == null ? " (no task)" : " for " + row.itemId);
    }
}
