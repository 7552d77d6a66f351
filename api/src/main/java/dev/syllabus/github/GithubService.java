package dev.syllabus.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.progress.ChecklistService;
import dev.syllabus.progress.PullRequestStates;

/**
 * Turns GitHub webhook deliveries into checklist evidence: each pull request in a registered
 * repository is tracked (state, checks, review on its head commit) and matched to a task by the
 * students' naming convention; a merged pull request whose checks passed, or that was approved,
 * completes its task.
 */
@ApplicationScoped
public class GithubService implements PullRequestStates {


    private final ChecklistService checklists;
    private final dev.syllabus.account.GithubSignIn signIn;

    GithubService(ChecklistService checklists, dev.syllabus.account.GithubSignIn signIn) {
        this.checklists = checklists;
        this.signIn = signIn;
    }

    /**
     * Where sign-in with GitHub is set up, a GitHub login counts only once GitHub has proven it:
     * evidence goes only to students who signed in with GitHub. (Without it, nobody can be proven,
     * and the login the student joined with is what there is.)
     */
    boolean provenEnough(long accountId) {
        return !signIn.enabled() || AccountEntity.<AccountEntity>findByIdOptional(accountId).map(a -> a.githubId != null).orElse(false);
    }

    public record Outcome(String outcome, String detail) {
        static Outcome processed(String detail) {
            return new Outcome("PROCESSED", detail);
        }

        static Outcome ignored(String detail) {
            return new Outcome("IGNORED", detail);
        }
    }

    /**
     * Handles one verified delivery, once: a delivery id seen before, or a body seen before under
     * another id (the id is not covered by the signature, so a copied delivery could be replayed
     * under a new one), is acknowledged and ignored.
     */
    @Transactional
    public Outcome deliver(String deliveryId, String bodySha256, String event, JsonNode payload) {
        if (DeliveryEntity.count("deliveryId = ?1 or bodySha256 = ?2", deliveryId, bodySha256) > 0) {
            return new Outcome("DUPLICATE", "delivery " + deliveryId + " (or the same body under another id) was processed already");
        }
        String action = payload.path("action").asText(null);
        Outcome outcome = switch (event) {
            case "ping" -> Outcome.processed("pong");
            case "pull_request" -> pullRequest(payload);
            case "pull_request_review" -> review(payload, action);
            case "check_suite" -> "completed".equals(action) ? checkSuite(payload) : Outcome.ignored("only completed check suites count");
            case "member" -> "added".equals(action) ? member(payload) : Outcome.ignored("only added members count");
            default -> Outcome.ignored("event '" + event + "' is not used");
        };
        DeliveryEntity delivery = new DeliveryEntity();
        delivery.deliveryId = deliveryId;
        delivery.event = event;
        delivery.action = action;
        delivery.repository = repository(payload);
        delivery.receivedAt = Instant.now();
        delivery.outcome = outcome.outcome();
        delivery.detail = outcome.detail() == null ? null : outcome.detail().substring(0, Math.min(1000, outcome.detail().length()));
        delivery.bodySha256 = bodySha256;
        delivery.persist();
        return outcome;
    }

    private Outcome pullRequest(JsonNode payload) {
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return Outcome.ignored("repository " + repository(payload) + " is not registered by a student");
        }
        PullRequestEntity row = upsert(repository, payload.path("pull_request"));
        if (row == null) {
            return Outcome.ignored("an older event than the one already processed");
        }
        return completed(row, describe(row));
    }

    /** The outcome once {@code row} changed: processed, or ignored with the reason its task could not be credited. */
    private Outcome completed(PullRequestEntity row, String detail) {
        Credit credit = complete(row);
        return credit.refusal() != null ? Outcome.ignored(detail + "; not credited: " + credit.refusal())
                : Outcome.processed(detail + credit.detail());
    }

    private Outcome review(JsonNode payload, String action) {
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return Outcome.ignored("repository " + repository(payload) + " is not registered by a student");
        }
        JsonNode pr = payload.path("pull_request");
        PullRequestEntity row = upsert(repository, pr);
        if (row == null) {
            row = find(repository.fullName, pr.path("number").asInt());
        }
        JsonNode review = payload.path("review");
        String commit = review.path("commit_id").asText("");
        Instant at = instant(review.path("submitted_at").asText(null));
        String state = review.path("state").asText("").toLowerCase(Locale.ROOT);
        if ("dismissed".equals(action) || "dismissed".equals(state)) {
            if (commit.equals(row.reviewSha)) {
                row.review = PullRequestEntity.Review.NONE;
            }
            // The dismissal is now the latest word on reviews: an approval from before it cannot return.
            Instant dismissedAt = latest(instant(pr.path("updated_at").asText(null)), at);
            row.reviewAt = latest(row.reviewAt, dismissedAt);
            return Outcome.processed(describe(row) + ": review dismissed");
        }
        if (!"submitted".equals(action)) {
            return Outcome.ignored("review action '" + action + "' is not used");
        }
        PullRequestEntity.Review decision = switch (state) {
            case "approved" -> PullRequestEntity.Review.APPROVED;
            case "changes_requested" -> PullRequestEntity.Review.CHANGES_REQUESTED;
            default -> null;
        };
        if (decision == null) {
            return Outcome.ignored("a comment review changes nothing");
        }
        String reviewer = review.path("user").path("login").asText("").toLowerCase(Locale.ROOT);
        if (!isStaff(reviewer)) {
            return Outcome.ignored("review by " + (reviewer.isEmpty() ? "an unknown account" : reviewer)
                    + ", who is not course staff: only instructors' reviews count");
        }
        if (row.reviewAt != null && (at == null || !at.isAfter(row.reviewAt))) {
            return Outcome.ignored("a review older than the one already recorded");
        }
        row.review = decision;
        row.reviewSha = commit;
        row.reviewAt = at;
        String stale = commit.equals(row.headSha) ? "" : " (on an older commit: stale)";
        return completed(row, describe(row) + ": " + decision + stale);
    }

    private Outcome checkSuite(JsonNode payload) {
        JsonNode suite = payload.path("check_suite");
        String sha = suite.path("head_sha").asText("");
        String fullName = repository(payload);
        List<PullRequestEntity> rows = new ArrayList<>();
        for (JsonNode listed : suite.path("pull_requests")) {
            PullRequestEntity row = find(fullName, listed.path("number").asInt());
            if (row != null) {
                rows.add(row);
            }
        }
        if (suite.path("pull_requests").isEmpty() && fullName != null) {
            // Forks: GitHub lists no pull requests, so match by the commit the checks ran on, in this repository only.
            rows.addAll(PullRequestEntity.list("fullName = ?1 and headSha = ?2", fullName, sha));
        }
        if (rows.isEmpty()) {
            return Outcome.ignored("no tracked pull request has head commit " + sha);
        }
        // Only success passes: neutral, skipped and the rest prove nothing.
        PullRequestEntity.Checks checks = switch (suite.path("conclusion").asText("")) {
            case "success" -> PullRequestEntity.Checks.PASSING;
            case "" -> PullRequestEntity.Checks.PENDING;
            default -> PullRequestEntity.Checks.FAILING;
        };
        List<String> done = new ArrayList<>();
        for (PullRequestEntity row : rows) {
            if (!row.headSha.equals(sha)) {
                done.add(describe(row) + ": checks of an older commit, ignored");
                continue;
            }
            row.checks = checks;
            row.checksSha = sha;
            Credit credit = complete(row);
            done.add(describe(row) + ": checks " + checks + (credit.refusal() != null ? "; not credited: " + credit.refusal() : credit.detail()));
        }
        return Outcome.processed(String.join("; ", done));
    }

    private Outcome member(JsonNode payload) {
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return Outcome.ignored("repository " + repository(payload) + " is not registered by a student");
        }
        String login = payload.path("member").path("login").asText("");
        boolean instructor = AccountEntity.findByLogin(login).filter(a -> a.role == Role.INSTRUCTOR).isPresent();
        if (!instructor) {
            return Outcome.ignored(login + " is not an instructor");
        }
        String slug = slug(repository.courseId);
        return checklists.setupItem(slug, "admin").map(item -> {
            String refusal = checklists.refusal(slug, repository.accountId, item);
            if (refusal != null) {
                return Outcome.ignored(item + " not credited: " + refusal);
            }
            checklists.recordEvidence(slug, repository.accountId, item, "https://github.com/" + repository.fullName);
            return Outcome.processed(item + " done: " + login + " was added to " + repository.fullName);
        }).orElse(Outcome.ignored("the course has no setup item about adding the instructor"));
    }

    /** Creates or updates the row from a pull_request object; null when the object is older than the row. */
    private PullRequestEntity upsert(GithubRepositoryEntity repository, JsonNode pr) {
        int number = pr.path("number").asInt();
        Instant updated = instant(pr.path("updated_at").asText(null));
        PullRequestEntity row = find(repository.fullName, number);
        if (row != null && updated != null && updated.isBefore(row.updatedAt)) {
            return null;
        }
        if (row == null) {
            row = new PullRequestEntity();
            row.courseId = repository.courseId;
            row.accountId = repository.accountId;
            row.fullName = repository.fullName;
            row.number = number;
            row.checks = PullRequestEntity.Checks.NONE;
            row.review = PullRequestEntity.Review.NONE;
        }
        row.url = pullRequestUrl(repository.fullName, number, pr.path("html_url").asText(""));
        String author = pr.path("user").path("login").asText("");
        if (!author.isEmpty()) {
            row.authorLogin = truncate(author.toLowerCase(Locale.ROOT), 39);
        }
        row.title = truncate(pr.path("title").asText(""), 1000);
        row.headSha = pr.path("head").path("sha").asText("");
        row.headRef = truncate(pr.path("head").path("ref").asText(null), 300);
        row.state = pr.path("merged").asBoolean(false) || !pr.path("merged_at").isMissingNode() && !pr.path("merged_at").isNull()
                ? PullRequestEntity.State.MERGED
                : "closed".equals(pr.path("state").asText()) ? PullRequestEntity.State.CLOSED : PullRequestEntity.State.OPEN;
        row.updatedAt = updated == null ? Instant.now() : updated;
        if (!row.assignedByHand) {
            row.itemId = TaskMatcher.match(checklists.itemIds(slug(repository.courseId)), row.title, pr.path("body").asText(""), row.headRef)
                    .orElse(null);
        }
        row.persist();
        return row;
    }

    /** What crediting a pull request's task came to: a detail to report, or the reason it could not be credited. */
    record Credit(String detail, String refusal) {
        static final Credit NOTHING = new Credit("", null);
    }

    /**
     * A merged pull request whose current head passed its checks or was approved by staff completes
     * its task, when the repository's own student opened it, the student is enrolled and the task exists.
     * Business refusals come back as a reason, never as an exception: the delivery is then recorded as ignored.
     */
    Credit complete(PullRequestEntity row) {
        boolean accepted = row.currentChecks() == PullRequestEntity.Checks.PASSING || row.currentReview() == PullRequestEntity.Review.APPROVED;
        if (row.state != PullRequestEntity.State.MERGED || !accepted || row.itemId == null) {
            return Credit.NOTHING;
        }
        String student = AccountEntity.loginOf(row.accountId);
        if (!provenEnough(row.accountId)) {
            return new Credit("", student + " has not signed in with GitHub, so their login is not proven");
        }
        if (row.authorLogin == null || !row.authorLogin.equalsIgnoreCase(student)) {
            return new Credit("", row.authorLogin == null ? "its author is not known yet"
                    : "opened by " + row.authorLogin + ", not by the repository's student " + student);
        }
        String slug = slug(row.courseId);
        String refusal = checklists.refusal(slug, row.accountId, row.itemId);
        if (refusal != null) {
            return new Credit("", refusal);
        }
        checklists.recordEvidence(slug, row.accountId, row.itemId, row.url);
        return new Credit("; " + row.itemId + " done", null);
    }

    /** Whether {@code login} is course staff, whose reviews count: an instructor. */
    private static boolean isStaff(String login) {
        return !login.isEmpty() && AccountEntity.findByLogin(login).filter(a -> a.role == Role.INSTRUCTOR).isPresent();
    }

    /** GitHub's link to the pull request, when it is one of this repository's; else the canonical one. */
    static String pullRequestUrl(String fullName, int number, String htmlUrl) {
        String canonical = "https://github.com/" + fullName + "/pull/" + number;
        return htmlUrl.equalsIgnoreCase(canonical) ? htmlUrl : canonical;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    record DeliveryPage(List<GithubViews.Delivery> deliveries, long total) {
    }

    @Transactional
    DeliveryPage deliveries(dev.syllabus.http.PageRequest request) {
        List<GithubViews.Delivery> rows = DeliveryEntity.<DeliveryEntity>findAll(io.quarkus.panache.common.Sort.descending("receivedAt", "id"))
                .page(io.quarkus.panache.common.Page.of(request.page() - 1, request.size())).list().stream()
                .map(GithubViews.Delivery::of).toList();
        return new DeliveryPage(rows, DeliveryEntity.count());
    }

    @Override
    @Transactional
    public Map<String, PullRequestState> byItem(long courseId, long accountId) {
        return PullRequestEntity.<PullRequestEntity>list("courseId = ?1 and accountId = ?2 and itemId is not null order by updatedAt",
                courseId, accountId).stream()
                .collect(Collectors.toMap(p -> p.itemId, GithubService::state, (older, newer) -> newer));
    }

    static PullRequestState state(PullRequestEntity row) {
        return new PullRequestState(row.number, row.url, row.state.name(), row.currentChecks().name(), row.currentReview().name());
    }

    static PullRequestEntity find(String fullName, int number) {
        return PullRequestEntity.<PullRequestEntity>find("fullName = ?1 and number = ?2", fullName, number).firstResult();
    }

    private static GithubRepositoryEntity registered(JsonNode payload) {
        String fullName = repository(payload);
        return fullName == null ? null : GithubRepositoryEntity.<GithubRepositoryEntity>find("fullName", fullName).firstResult();
    }

    private static String repository(JsonNode payload) {
        String name = payload.path("repository").path("full_name").asText(null);
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String slug(long courseId) {
        return CourseEntity.<CourseEntity>findById(courseId).slug;
    }

    private static String describe(PullRequestEntity row) {
        return row.fullName + "#" + row.number + " " + row.state + (row.itemId == null ? " (no task)" : " for " + row.itemId);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
