package dev.syllabus.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A webhook delivery as what Syllabus uses of it, read from GitHub's JSON once, at the edge: the
 * service handles these records only. Text is cut to what the database keeps; what GitHub left out
 * is null (or empty text), never an exception.
 */
sealed interface GithubEvent {

    /** What happened ("opened", "submitted", "completed", ...); null where GitHub says nothing. */
    String action();

    /** The repository the delivery is about. */
    Repository repository();

    /** A repository: its lower-case "owner/name" (null when absent) and GitHub's numeric id (null when absent). */
    record Repository(String fullName, Long id) {}

    /** A pull request as a delivery describes it. */
    record PullRequest(
            int number,
            String htmlUrl,
            String title,
            String headRef,
            String body,
            Instant mergedAt,
            Instant updatedAt,
            PullRequestFacts.PullRequestEvent facts) {}

    record Ping(String action, Repository repository) implements GithubEvent {}

    /** A pull request opened, edited, pushed to, closed or merged. */
    record PullRequestEvent(String action, Repository repository, PullRequest pullRequest) implements GithubEvent {}

    /** A review submitted or dismissed: its state as GitHub writes it (approved, changes_requested, commented, dismissed). */
    record ReviewEvent(
            String action,
            Repository repository,
            PullRequest pullRequest,
            String commit,
            Instant submittedAt,
            String state,
            Long reviewerId,
            String reviewerLogin)
            implements GithubEvent {}

    /**
     * A check suite ({@code runName} null) or one named check run on a commit, with the pull
     * requests GitHub lists for it (none for a fork's).
     */
    record CheckEvent(
            String action,
            Repository repository,
            String headSha,
            String conclusion,
            String runName,
            List<Integer> pullRequests)
            implements GithubEvent {}

    /** Someone added to (or removed from) a repository, with the permission they were given. */
    record MemberEvent(String action, Repository repository, Long memberId, String login, String permission)
            implements GithubEvent {}

    /** An event Syllabus does not use. */
    record Other(String name, String action, Repository repository) implements GithubEvent {}

    /** The delivery of {@code event} (GitHub's X-GitHub-Event header) with this payload. */
    static GithubEvent of(String event, JsonNode payload) {
        String action = payload.path("action").asText(null);
        JsonNode repo = payload.path("repository");
        String name = repo.path("full_name").asText(null);
        Repository repository =
                new Repository(name == null ? null : name.toLowerCase(Locale.ROOT), number(repo.path("id")));
        return switch (event) {
            case "ping" -> new Ping(action, repository);
            case "pull_request" -> new PullRequestEvent(action, repository, pullRequest(payload.path("pull_request")));
            case "pull_request_review" -> {
                JsonNode review = payload.path("review");
                JsonNode reviewer = review.path("user");
                yield new ReviewEvent(
                        action,
                        repository,
                        pullRequest(payload.path("pull_request")),
                        review.path("commit_id").asText(""),
                        instant(review.path("submitted_at")),
                        review.path("state").asText("").toLowerCase(Locale.ROOT),
                        number(reviewer.path("id")),
                        reviewer.path("login").asText(""));
            }
            case "check_suite" -> check(action, repository, payload.path("check_suite"), null);
            case "check_run" -> {
                JsonNode run = payload.path("check_run");
                yield check(action, repository, run, run.path("name").asText(""));
            }
            case "member" -> {
                JsonNode member = payload.path("member");
                yield new MemberEvent(
                        action,
                        repository,
                        number(member.path("id")),
                        truncate(member.path("login").asText(""), 39),
                        payload.path("changes").path("permission").path("to").asText(""));
            }
            default -> new Other(event, action, repository);
        };
    }

    private static CheckEvent check(String action, Repository repository, JsonNode check, String runName) {
        List<Integer> numbers = new ArrayList<>();
        check.path("pull_requests")
                .forEach(listed -> numbers.add(listed.path("number").asInt()));
        return new CheckEvent(
                action,
                repository,
                check.path("head_sha").asText(""),
                check.path("conclusion").asText(""),
                runName,
                List.copyOf(numbers));
    }

    private static PullRequest pullRequest(JsonNode pr) {
        boolean merged = pr.path("merged").asBoolean(false)
                || !pr.path("merged_at").isMissingNode()
                        && !pr.path("merged_at").isNull();
        PullRequestFacts.State state = merged
                ? PullRequestFacts.State.MERGED
                : "closed".equals(pr.path("state").asText())
                        ? PullRequestFacts.State.CLOSED
                        : PullRequestFacts.State.OPEN;
        JsonNode author = pr.path("user");
        String login = author.path("login").asText("");
        Instant updatedAt = instant(pr.path("updated_at"));
        return new PullRequest(
                pr.path("number").asInt(),
                pr.path("html_url").asText(""),
                truncate(pr.path("title").asText(""), 1000),
                truncate(pr.path("head").path("ref").asText(null), 300),
                pr.path("body").asText(""),
                instant(pr.path("merged_at")),
                updatedAt,
                new PullRequestFacts.PullRequestEvent(
                        state,
                        pr.path("head").path("sha").asText(""),
                        updatedAt,
                        number(author.path("id")),
                        login.isEmpty() ? null : truncate(login.toLowerCase(Locale.ROOT), 39)));
    }

    private static Long number(JsonNode node) {
        return node.canConvertToLong() ? node.asLong() : null;
    }

    private static Instant instant(JsonNode node) {
        String text = node.asText(null);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
