package dev.syllabus.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.github.WebhookSignature;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Signed webhook deliveries in GitHub's documented payload shapes (the fixtures in {@code /github}). */
public final class GithubDeliveries {

    public static final String SECRET = "test-webhook-secret";

    private GithubDeliveries() {}

    /** A fixture with its {@code {{placeholders}}} filled in; every one must be. */
    public static String fixture(String name, Map<String, String> values) {
        try (InputStream in = GithubDeliveries.class.getResourceAsStream("/github/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var entry : values.entrySet()) {
                text = text.replace("{{" + entry.getKey() + "}}", entry.getValue());
            }
            assertThat(text).doesNotContain("{{");
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response deliver(String event, String body, String delivery) {
        return given().contentType("application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/github/webhook");
    }

    public static Response deliver(String event, String body) {
        return deliver(event, body, UUID.randomUUID().toString());
    }

    /** The values of a pull_request delivery about {@code login}'s pull request in {@code repo}. */
    public static Map<String, String> pullRequest(
            String login, String repo, int number, String action, String sha, String updatedAt, boolean merged) {
        Map<String, String> values = new HashMap<>();
        values.put("action", action);
        values.put("number", Integer.toString(number));
        values.put("repo", repo);
        values.put("head_repo", repo);
        values.put("student", login);
        values.put("state", merged || action.equals("closed") ? "closed" : "open");
        values.put("title", "[H2/PR1] Dockerfile for a dummy server");
        values.put("body", "Part of the infrastructure homework.");
        values.put("ref", "week-1-docker");
        values.put("sha", sha);
        values.put("updated_at", updatedAt);
        values.put("closed_at", merged || action.equals("closed") ? "\"" + updatedAt + "\"" : "null");
        values.put("merged_at", merged ? "\"" + updatedAt + "\"" : "null");
        values.put("merged", Boolean.toString(merged));
        return values;
    }

    /** The same pull request, merged at {@code at}. */
    public static Map<String, String> merged(Map<String, String> values, String at) {
        values.putAll(Map.of(
                "action",
                "closed",
                "state",
                "closed",
                "merged",
                "true",
                "merged_at",
                "\"" + at + "\"",
                "closed_at",
                "\"" + at + "\"",
                "updated_at",
                at));
        return values;
    }

    /** A review submitted on {@code reviewSha} of the pull request whose head is {@code headSha} (by "admin", GitHub user 1). */
    public static String review(
            String login,
            String repo,
            int number,
            String state,
            String reviewSha,
            String headSha,
            String submittedAt,
            String title) {
        return fixture(
                "pull_request_review",
                Map.ofEntries(
                        Map.entry("action", "submitted"),
                        Map.entry("repo", repo),
                        Map.entry("student", login),
                        Map.entry("number", Integer.toString(number)),
                        Map.entry("review_state", state),
                        Map.entry("review_sha", reviewSha),
                        Map.entry("sha", headSha),
                        Map.entry("submitted_at", submittedAt),
                        Map.entry("updated_at", submittedAt),
                        Map.entry("title", title),
                        Map.entry("ref", "week-1-docker")));
    }

    /** A completed check suite on {@code sha}. */
    public static String checkSuite(String login, String repo, String sha, String conclusion, String pullRequests) {
        return fixture(
                "check_suite",
                Map.of(
                        "repo",
                        repo,
                        "student",
                        login,
                        "sha",
                        sha,
                        "ref",
                        "week-1-docker",
                        "conclusion",
                        conclusion,
                        "pull_requests",
                        pullRequests));
    }
}
