package dev.syllabus.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** "H3 PR2", "[H3/PR2]", "h3-pr2" in a title or body. */
    private static final Pattern TAG = Pattern.compile("(?i)\\bH(\\d{1,3})\\s*[/ -]\\s*(PR\\d{1,3}|DOC\\d{0,3}|OTHER\\d{0,3})\\b");
    /** "hw3-pr2" as a branch name, or part of one. */
    private static final Pattern BRANCH = Pattern.compile("(?i)\\bhw-?(\\d{1,3})[-_/]pr-?(\\d{1,3})\\b");

    private final ChecklistService checklists;

    GithubService(ChecklistService checklists) {
        this.checklists = checklists;
    }

    public record Outcome(String outcome, String detail) {
        static Outcome processed(String detail) {
            return new Outcome("PROCESSED", detail);
        }

        static Outcome ignored(String detail) {
            return new Outcome("IGNORED", detail);
        }
    }

    /** Handles one verified delivery, once: a delivery id seen before is acknowledged and ignored. */
    @Transactional
    public Outcome deliver(String deliveryId, String event, JsonNode payload) {
        if (DeliveryEntity.count("deliveryId", deliveryId) > 0) {
            return new Outcome("DUPLICATE", "delivery " + deliveryId + " was processed already");
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
        return Outcome.processed(describe(row) + complete(row));
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
        if (row.reviewAt != null && at != null && at.isBefore(row.reviewAt)) {
            return Outcome.ignored("a review older than the one already recorded");
        }
        row.review = decision;
        row.reviewSha = commit;
        row.reviewAt = at;
        String stale = commit.equals(row.headSha) ? "" : " (on an older commit: stale)";
        return Outcome.processed(describe(row) + ": " + decision + stale + complete(row));
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
        if (suite.path("pull_requests").isEmpty()) {
            // Forks: GitHub lists no pull requests, so match by the commit the checks ran on.
            rows.addAll(PullRequestEntity.list("headSha", sha));
        }
        if (rows.isEmpty()) {
            return Outcome.ignored("no tracked pull request has head commit " + sha);
        }
        PullRequestEntity.Checks checks = switch (suite.path("conclusion").asText("")) {
            case "success", "neutral", "skipped" -> PullRequestEntity.Checks.PASSING;
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
            done.add(describe(row) + ": checks " + checks + complete(row));
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
        row.url = pr.path("html_url").asText("https://github.com/" + repository.fullName + "/pull/" + number);
        row.title = truncate(pr.path("title").asText(""), 1000);
        row.headSha = pr.path("head").path("sha").asText("");
        row.headRef = truncate(pr.path("head").path("ref").asText(null), 300);
        row.state = pr.path("merged").asBoolean(false) || !pr.path("merged_at").isMissingNode() && !pr.path("merged_at").isNull()
                ? PullRequestEntity.State.MERGED
                : "closed".equals(pr.path("state").asText()) ? PullRequestEntity.State.CLOSED : PullRequestEntity.State.OPEN;
        row.updatedAt = updated == null ? Instant.now() : updated;
        if (!row.assignedByHand) {
            row.itemId = match(slug(repository.courseId), row.title, pr.path("body").asText(""), row.headRef);
        }
        row.persist();
        return row;
    }

    /** The task a pull request is for, by the convention students use, if it names one of the course's items. */
    String match(String slug, String title, String body, String branch) {
        List<String> items = checklists.itemIds(slug);
        for (String text : new String[] { title, body }) {
            Matcher tag = TAG.matcher(text == null ? "" : text);
            while (tag.find()) {
                String id = "H" + Integer.parseInt(tag.group(1)) + "/" + tag.group(2).toUpperCase(Locale.ROOT);
                if (items.contains(id)) {
                    return id;
                }
            }
        }
        Matcher named = BRANCH.matcher(branch == null ? "" : branch);
        if (named.find()) {
            String id = "H" + Integer.parseInt(named.group(1)) + "/PR" + Integer.parseInt(named.group(2));
            if (items.contains(id)) {
                return id;
            }
        }
        return null;
    }

    /** A merged pull request whose current head passed its checks or was approved completes its task. */
    String complete(PullRequestEntity row) {
        boolean accepted = row.currentChecks() == PullRequestEntity.Checks.PASSING || row.currentReview() == PullRequestEntity.Review.APPROVED;
        if (row.state != PullRequestEntity.State.MERGED || !accepted || row.itemId == null) {
            return "";
        }
        checklists.recordEvidence(slug(row.courseId), row.accountId, row.itemId, row.url);
        return "; " + row.itemId + " done";
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
