package dev.syllabus.github;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static dev.syllabus.support.GithubDeliveries.SECRET;
import static dev.syllabus.support.GithubDeliveries.deliver;
import static dev.syllabus.support.GithubDeliveries.fixture;
import static dev.syllabus.support.GithubDeliveries.merged;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.support.Api;
import dev.syllabus.support.GithubDeliveries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The webhook end to end: signed deliveries in GitHub's documented payload shapes (test fixtures)
 * through HTTP, the database, and back out through the student's checklist.
 */
@QuarkusTest
class GithubWebhookTest {

    private static final String BASE = "/api/courses/" + COURSE;

    /** A student who joined the course and registered a repository. */
    private record Student(String login, String token, String repo) {}

    private static Student student() {
        String login = Api.uniqueLogin("gh");
        String token = Api.student(login);
        String repo = login + "/course";
        as(token)
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + repo))
                .put(BASE + "/repository")
                .then()
                .statusCode(200)
                .body("fullName", equalTo(repo));
        return new Student(login, token, repo);
    }

    private static Map<String, String> pr(
            Student s, int number, String action, String sha, String updatedAt, boolean merged) {
        return GithubDeliveries.pullRequest(s.login(), s.repo(), number, action, sha, updatedAt, merged);
    }

    private static String checks(Student s, String sha, String conclusion, String pullRequests) {
        return GithubDeliveries.checkSuite(s.login(), s.repo(), sha, conclusion, pullRequests);
    }

    private static String review(
            Student s, int number, String state, String reviewSha, String headSha, String submittedAt) {
        return review(s, number, state, reviewSha, headSha, submittedAt, "[H2/PR1] Dockerfile");
    }

    private static String review(
            Student s, int number, String state, String reviewSha, String headSha, String submittedAt, String title) {
        return GithubDeliveries.review(s.login(), s.repo(), number, state, reviewSha, headSha, submittedAt, title);
    }

    private static JsonPath item(Student s, String id) {
        return new JsonPath(as(s.token())
                        .get(BASE + "/checklist")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .setRootPath("items.find { it.id == '" + id + "' }");
    }

    @Test
    void aPullRequestFromOpenedToMergedWithPassingChecksCompletesItsTask() {
        Student s = student();
        String sha = "a".repeat(40);

        deliver("pull_request", fixture("pull_request", pr(s, 1, "opened", sha, "2026-11-20T10:00:00Z", false)))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PROCESSED"));
        assertThat(item(s, "H2/PR1").getString("pullRequest.state")).isEqualTo("OPEN");
        assertThat(item(s, "H2/PR1").getBoolean("done")).isFalse();

        deliver("check_suite", checks(s, sha, "success", "[{\"number\": 1, \"head\": {\"sha\": \"" + sha + "\"}}]"))
                .then()
                .statusCode(200);
        assertThat(item(s, "H2/PR1").getString("pullRequest.checks")).isEqualTo("PASSING");
        assertThat(item(s, "H2/PR1").getBoolean("done")).isFalse();

        deliver("pull_request", fixture("pull_request", pr(s, 1, "closed", sha, "2026-11-20T11:00:00Z", true)))
                .then()
                .statusCode(200)
                .body("detail", Matchers.containsString("H2/PR1 done"));
        JsonPath done = item(s, "H2/PR1");
        assertThat(done.getBoolean("done")).isTrue();
        assertThat(done.getString("evidence")).isEqualTo("https://github.com/" + s.repo() + "/pull/1");
        assertThat(done.getString("pullRequest.state")).isEqualTo("MERGED");
        as(s.token()).get(BASE + "/checklist").then().body("homework.find { it.code == 'H2' }.donePrs", equalTo(1));
    }

    @Test
    void evidenceFromARepositoryNobodyProvedIsLabelledAndTheInstructorConfirmsOrRejectsIt() {
        // Without GitHub sign-in nothing proves who owns a repository: a squatted login could register the victim's.
        Student s = student();
        mergedWithPassingChecks(s, 31, "e".repeat(40), "2026-11-20");
        assertThat(item(s, "H2/PR1").getBoolean("done")).isTrue();
        String admin = Api.admin();
        as(s.token())
                .get(BASE + "/checklist")
                .then()
                .body("repository.fullName", equalTo(s.repo()))
                .body("repository.proof", equalTo("UNPROVEN"));
        as(admin)
                .queryParam("size", 100)
                .get(BASE + "/cohort")
                .then()
                .body("find { it.login == '" + s.login() + "' }.repository.proof", equalTo("UNPROVEN"));
        assertThat(as(admin)
                        .accept("text/csv")
                        .queryParam("size", 100)
                        .get(BASE + "/cohort")
                        .asString())
                .contains("," + s.repo() + ",UNPROVEN,");
        assertThat(gradebookLine(admin, s)).contains("whose owner nobody has proven");

        decide(admin, s, "REJECTED").then().statusCode(200).body("proof", equalTo("REJECTED"));
        assertThat(item(s, "H2/PR1").getBoolean("done"))
                .as("a rejected repository's ticks are withdrawn")
                .isFalse();
        mergedWithPassingChecks(s, 32, "f".repeat(40), "2026-11-21").then().body("detail", containsString("rejected"));

        decide(admin, s, "CONFIRMED").then().statusCode(200).body("proof", equalTo("CONFIRMED"));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isTrue();
        assertThat(gradebookLine(admin, s)).doesNotContain("nobody has proven");
        as(s.token()).get(BASE + "/checklist").then().body("repository.proof", equalTo("CONFIRMED"));
        decide(admin, s, "UNPROVEN").then().statusCode(400).contentType("application/problem+json");
    }

    /** Pull request {@code number} (a Dockerfile, H2/PR1) opened, its checks passed, merged, on {@code day}; the last answer. */
    private static Response mergedWithPassingChecks(Student s, int number, String sha, String day) {
        deliver("pull_request", fixture("pull_request", pr(s, number, "opened", sha, day + "T10:00:00Z", false)));
        deliver("check_suite", checks(s, sha, "success", "[{\"number\": " + number + "}]"));
        return deliver("pull_request", fixture("pull_request", pr(s, number, "closed", sha, day + "T11:00:00Z", true)));
    }

    private static Response decide(String admin, Student s, String decision) {
        return as(admin)
                .contentType("application/json")
                .body(Map.of("decision", decision))
                .put(BASE + "/students/" + s.login() + "/repository/owner");
    }

    private static String gradebookLine(String admin, Student s) {
        return as(admin)
                .queryParam("format", "canvas")
                .get(BASE + "/gradebook")
                .asString()
                .lines()
                .filter(line -> line.contains(s.login()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anotherGithubRepositoryUnderTheRegisteredNameEarnsAndStripsNothing() {
        // The student renamed away; whoever now holds the login makes a repository of the same name.
        Student s = student();
        mergedWithPassingChecks(s, 41, "d".repeat(40), "2026-11-20");
        assertThat(item(s, "H2/PR1").getBoolean("done")).isTrue();

        String other = fixture("pull_request", pr(s, 41, "reopened", "9".repeat(40), "2026-11-21T10:00:00Z", false))
                .replace("\"id\": 42,", "\"id\": 4242,");
        assertThat(other).contains("\"id\": 4242,");
        deliver("pull_request", other)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("another GitHub repository under that name"));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isTrue();
        assertThat(item(s, "H2/PR1").getString("pullRequest.state")).isEqualTo("MERGED");
    }

    @Test
    void mergedAndApprovedPullRequestsPassTheirHomework() {
        Student s = student();
        as(s.token())
                .contentType("application/json")
                .body(Map.of("evidence", "https://docs.google.com/document/d/pipelines"))
                .put(BASE + "/checklist/H8/DOC/done")
                .then()
                .statusCode(200);
        for (int task = 1; task <= 2; task++) {
            String sha = Integer.toString(task).repeat(40);
            Map<String, String> values = pr(s, 20 + task, "opened", sha, "2026-11-21T10:00:00Z", false);
            values.put("title", "[H8/PR" + task + "] Dagster pipeline");
            deliver("pull_request", fixture("pull_request", values));
            deliver(
                    "pull_request_review",
                    review(s, 20 + task, "approved", sha, sha, "2026-11-21T10:30:00Z", values.get("title")));
            values.putAll(Map.of(
                    "action",
                    "closed",
                    "state",
                    "closed",
                    "merged",
                    "true",
                    "merged_at",
                    "\"2026-11-21T11:00:00Z\"",
                    "closed_at",
                    "\"2026-11-21T11:00:00Z\"",
                    "updated_at",
                    "2026-11-21T11:00:00Z"));
            deliver("pull_request", fixture("pull_request", values)).then().statusCode(200);
        }
        as(s.token())
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("homework.find { it.code == 'H8' }.status", equalTo("PASSED"))
                .body("homework.find { it.code == 'H8' }.donePrs", equalTo(2));
        assertThat(item(s, "H8/PR1").getString("source"))
                .as("proven by a delivery")
                .isEqualTo("GITHUB");
        assertThat(item(s, "H8/DOC").getString("source"))
                .as("ticked by the student")
                .isEqualTo("STUDENT");
    }

    @Test
    void aNewPushMakesAnEarlierApprovalAndCheckResultStale() {
        Student s = student();
        String first = "b".repeat(40);
        String second = "c".repeat(40);
        deliver("pull_request", fixture("pull_request", pr(s, 2, "opened", first, "2026-11-20T10:00:00Z", false)));
        deliver("pull_request_review", review(s, 2, "approved", first, first, "2026-11-20T10:30:00Z"))
                .then()
                .statusCode(200);
        assertThat(item(s, "H2/PR1").getString("pullRequest.review")).isEqualTo("APPROVED");

        deliver(
                "pull_request",
                fixture("pull_request", pr(s, 2, "synchronize", second, "2026-11-20T10:40:00Z", false)));
        assertThat(item(s, "H2/PR1").getString("pullRequest.review")).isEqualTo("NONE");

        deliver("pull_request", fixture("pull_request", pr(s, 2, "closed", second, "2026-11-20T11:00:00Z", true)));
        assertThat(item(s, "H2/PR1").getBoolean("done"))
                .as("the approval was for the older commit")
                .isFalse();

        deliver("check_suite", checks(s, first, "success", "[{\"number\": 2}]"))
                .then()
                .statusCode(200)
                .body("detail", Matchers.containsString("older commit"));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isFalse();
        deliver("check_suite", checks(s, second, "success", "[{\"number\": 2}]"));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isTrue();
    }

    @Test
    void anOlderEventNeverOverwritesANewerState() {
        Student s = student();
        String sha = "d".repeat(40);
        deliver("pull_request", fixture("pull_request", pr(s, 3, "closed", sha, "2026-11-20T12:00:00Z", true)));

        deliver("pull_request", fixture("pull_request", pr(s, 3, "opened", sha, "2026-11-20T10:00:00Z", false)))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"));

        assertThat(item(s, "H2/PR1").getString("pullRequest.state")).isEqualTo("MERGED");
    }

    @Test
    void checksOnAForkAreMatchedByTheHeadCommit() {
        Student s = student();
        String sha = "e".repeat(40);
        Map<String, String> fromFork = pr(s, 4, "opened", sha, "2026-11-20T10:00:00Z", false);
        fromFork.put("head_repo", "someone-else/course");
        deliver("pull_request", fixture("pull_request", fromFork));

        deliver("check_suite", checks(s, sha, "failure", "[]"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PROCESSED"));

        assertThat(item(s, "H2/PR1").getString("pullRequest.checks")).isEqualTo("FAILING");
    }

    @Test
    void unmatchedPullRequestsAreKeptAndCanBeAssignedByHand() {
        Student s = student();
        String sha = "f".repeat(40);
        Map<String, String> values = pr(s, 5, "opened", sha, "2026-11-20T10:00:00Z", false);
        values.put("title", "Refactor the training script");
        values.put("body", "No tag here.");
        values.put("ref", "feature/refactor");
        deliver("pull_request", fixture("pull_request", values));

        as(s.token())
                .get(BASE + "/pull-requests")
                .then()
                .statusCode(200)
                .body("find { it.number == 5 }.item", Matchers.nullValue());
        as(s.token())
                .contentType("application/json")
                .body(Map.of("item", "H3/PR1"))
                .put(BASE + "/pull-requests/5")
                .then()
                .statusCode(200)
                .body("item", equalTo("H3/PR1"));
        deliver("pull_request_review", review(s, 5, "approved", sha, sha, "2026-11-20T10:10:00Z"));
        values.put("action", "closed");
        values.put("state", "closed");
        values.put("merged", "true");
        values.put("merged_at", "\"2026-11-20T11:00:00Z\"");
        values.put("closed_at", "\"2026-11-20T11:00:00Z\"");
        values.put("updated_at", "2026-11-20T11:00:00Z");
        deliver("pull_request", fixture("pull_request", values));

        assertThat(item(s, "H3/PR1").getBoolean("done"))
                .as("merged and approved, assigned by hand")
                .isTrue();
        as(s.token())
                .contentType("application/json")
                .body(Map.of("item", "H99/PR1"))
                .put(BASE + "/pull-requests/5")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("item"));
    }

    @Test
    void aBranchNamedAfterTheTaskMatchesIt() {
        Student s = student();
        Map<String, String> values = pr(s, 6, "opened", "1".repeat(40), "2026-11-20T10:00:00Z", false);
        values.put("title", "MinIO client");
        values.put("ref", "hw3-pr2");
        deliver("pull_request", fixture("pull_request", values));
        assertThat(item(s, "H3/PR2").getInt("pullRequest.number")).isEqualTo(6);
    }

    @Test
    void addingTheInstructorToTheRepositoryAsAdminTicksTheSetupItem() {
        Student s = student();
        long instructor = linkedInstructor();
        deliver("member", member(s, "an-instructor", instructor, "admin"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PROCESSED"));
        assertThat(item(s, "setup/add-me-as-admin-to-it").getBoolean("done")).isTrue();
    }

    @Test
    void theMemberEventCountsOnlyTheInstructorsGithubIdWithAdminPermission() {
        Student s = student();
        long instructor = linkedInstructor();
        // A friend whose GitHub login is the instructor's ("admin"), or the instructor with less than admin.
        deliver("member", member(s, "admin", instructor + 1, "admin"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("not an instructor linked to GitHub"));
        deliver("member", member(s, "an-instructor", instructor, "write"))
                .then()
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("'write' permission"));
        assertThat(item(s, "setup/add-me-as-admin-to-it").getBoolean("done")).isFalse();
    }

    private static String member(Student s, String login, long githubId, String permission) {
        return fixture(
                "member",
                Map.of(
                        "member", login,
                        "memberId", String.valueOf(githubId),
                        "permission", permission,
                        "repo", s.repo(),
                        "student", s.login()));
    }

    /** An instructor linked to a GitHub user id of its own, as SYLLABUS_ADMIN_GITHUB_ID or a link makes one. */
    private static long linkedInstructor() {
        long githubId = 7_000_000L + System.nanoTime() % 1_000_000L;
        QuarkusTransaction.requiringNew().run(() -> {
            AccountEntity account = new AccountEntity();
            account.login = Api.uniqueLogin("teacher");
            account.role = Role.INSTRUCTOR;
            account.githubId = githubId;
            account.createdAt = Instant.now();
            account.persist();
        });
        return githubId;
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedAndIgnored() {
        Student s = student();
        String body = fixture("pull_request", pr(s, 7, "opened", "2".repeat(40), "2026-11-20T10:00:00Z", false));
        String id = UUID.randomUUID().toString();
        deliver("pull_request", body, id).then().statusCode(200).body("outcome", equalTo("PROCESSED"));
        deliver("pull_request", body, id).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        as(Api.admin())
                .queryParam("size", 100)
                .get("/api/github/deliveries")
                .then()
                .statusCode(200)
                .body("findAll { it.delivery == '" + id + "' }.size()", equalTo(1));
    }

    @Test
    void aMissingOrWrongSignatureIs401AndChangesNothing() {
        Student s = student();
        String body = fixture("pull_request", pr(s, 8, "opened", "3".repeat(40), "2026-11-20T10:00:00Z", false));
        String id = UUID.randomUUID().toString();
        given().contentType("application/json")
                .header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", id)
                .body(body)
                .post("/api/github/webhook")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", id)
                .header(
                        "X-Hub-Signature-256",
                        WebhookSignature.sign("not the secret", body.getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/github/webhook")
                .then()
                .statusCode(401);
        as(s.token()).get(BASE + "/pull-requests").then().statusCode(200).body("size()", equalTo(0));
        as(Api.admin())
                .queryParam("size", 100)
                .get("/api/github/deliveries")
                .then()
                .body("findAll { it.delivery == '" + id + "' }.size()", equalTo(0));
    }

    @Test
    void pingAnswers200AndUnregisteredRepositoriesAreIgnoredWithTheReason() {
        deliver("ping", fixture("ping", Map.of("repo", "someone/else", "student", "someone")))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PROCESSED"))
                .body("detail", equalTo("pong"));
        Student s = student();
        Map<String, String> values = pr(s, 9, "opened", "4".repeat(40), "2026-11-20T10:00:00Z", false);
        values.put("repo", "nobody/registered-this");
        deliver("pull_request", fixture("pull_request", values))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", Matchers.containsString("not registered"));
        deliver("pull_request", "{not json").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json")
                .header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", "x")
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, new byte[2_000_000]))
                .body(new byte[2_000_000])
                .post("/api/github/webhook")
                .then()
                .statusCode(413);
    }

    private static String outcomeOf(String delivery) {
        return as(Api.admin())
                .queryParam("size", 100)
                .get("/api/github/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.delivery == '" + delivery + "' }.outcome");
    }

    @Test
    void aStudentRegistersOnlyARepositoryTheyOwnAndAnInstructorMovesOneWithItsCredit() {
        Student owner = student();
        String squatter = Api.student(Api.uniqueLogin("mallory"));
        as(squatter)
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + owner.repo() + "-2"))
                .put(BASE + "/repository")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        String orgRepo = "course-org/" + owner.login() + "-project";
        as(Api.admin())
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + orgRepo))
                .put(BASE + "/students/" + owner.login() + "/repository")
                .then()
                .statusCode(200)
                .body("fullName", equalTo(orgRepo));
        Student inOrg = new Student(owner.login(), owner.token(), orgRepo);
        String sha = "9".repeat(40);
        deliver("pull_request", fixture("pull_request", pr(inOrg, 31, "opened", sha, "2026-11-20T10:00:00Z", false)));
        deliver("check_suite", checks(inOrg, sha, "success", "[{\"number\": 31}]"));
        deliver(
                "pull_request",
                fixture(
                        "pull_request",
                        merged(pr(inOrg, 31, "closed", sha, "2026-11-20T11:00:00Z", true), "2026-11-20T11:00:00Z")));
        assertThat(item(owner, "H2/PR1").getBoolean("done")).isTrue();

        Student other = student();
        as(Api.admin())
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + orgRepo))
                .put(BASE + "/students/" + other.login() + "/repository")
                .then()
                .statusCode(200);
        assertThat(item(owner, "H2/PR1").getBoolean("done"))
                .as("the credit left with the repository")
                .isFalse();
        as(other.token())
                .get(BASE + "/pull-requests")
                .then()
                .statusCode(200)
                .body("find { it.number == 31 }.item", equalTo("H2/PR1"));
    }

    @Test
    void onlyTheRepositorysStudentsPullRequestsStaffApprovalsAndSuccessfulChecksCount() {
        Student s = student();
        String sha = "8".repeat(40);
        Map<String, String> byStranger = pr(s, 32, "opened", sha, "2026-11-20T10:00:00Z", false);
        deliver(
                "pull_request",
                fixture("pull_request", byStranger)
                        .replace(
                                "\"login\": \"" + s.login() + "\", \"id\": 583231",
                                "\"login\": \"a-stranger\", \"id\": 9"));
        deliver("check_suite", checks(s, sha, "success", "[{\"number\": 32}]"));
        String mergedByStranger = UUID.randomUUID().toString();
        deliver(
                        "pull_request",
                        fixture("pull_request", merged(byStranger, "2026-11-20T11:00:00Z"))
                                .replace(
                                        "\"login\": \"" + s.login() + "\", \"id\": 583231",
                                        "\"login\": \"a-stranger\", \"id\": 9"),
                        mergedByStranger)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("a-stranger"));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isFalse();

        String sha2 = "7".repeat(40);
        Map<String, String> own = pr(s, 33, "opened", sha2, "2026-11-20T10:00:00Z", false);
        own.put("title", "[H2/PR2] CI");
        deliver("pull_request", fixture("pull_request", own));
        deliver(
                        "pull_request_review",
                        review(s, 33, "approved", sha2, sha2, "2026-11-20T10:30:00Z", own.get("title"))
                                .replace("\"login\": \"admin\", \"id\": 1", "\"login\": \"a-classmate\", \"id\": 7"))
                .then()
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("not course staff"));
        deliver("check_suite", checks(s, sha2, "neutral", "[{\"number\": 33}]"));
        deliver("pull_request", fixture("pull_request", merged(own, "2026-11-20T11:00:00Z")));
        assertThat(item(s, "H2/PR2").getBoolean("done"))
                .as("neutral checks and a classmate's approval prove nothing")
                .isFalse();
        deliver("check_suite", checks(s, sha2, "success", "[{\"number\": 33}]"));
        assertThat(item(s, "H2/PR2").getBoolean("done")).isTrue();
    }

    @Test
    void onePullRequestCreditsOneTaskAndReassigningItMovesTheTick() {
        Student s = student();
        String sha = "6".repeat(40);
        Map<String, String> values = pr(s, 34, "opened", sha, "2026-11-20T10:00:00Z", false);
        deliver("pull_request", fixture("pull_request", values));
        deliver("check_suite", checks(s, sha, "success", "[{\"number\": 34}]"));
        deliver("pull_request", fixture("pull_request", merged(values, "2026-11-20T11:00:00Z")));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isTrue();

        for (String task : List.of("H2/PR2", "H2/PR3")) {
            as(s.token())
                    .contentType("application/json")
                    .body(Map.of("item", task))
                    .put(BASE + "/pull-requests/34")
                    .then()
                    .statusCode(200);
        }
        assertThat(item(s, "H2/PR1").getBoolean("done")).isFalse();
        assertThat(item(s, "H2/PR2").getBoolean("done")).isFalse();
        assertThat(item(s, "H2/PR3").getBoolean("done")).isTrue();
    }

    @Test
    void aCopiedDeliveryUnderANewIdIsARepeatAndADismissedApprovalCannotReturn() {
        Student s = student();
        String sha = "5".repeat(40);
        Map<String, String> values = pr(s, 35, "opened", sha, "2026-11-20T10:00:00Z", false);
        deliver("pull_request", fixture("pull_request", values));
        String approval = review(s, 35, "approved", sha, sha, "2026-11-20T10:30:00Z");
        deliver("pull_request_review", approval).then().body("outcome", equalTo("PROCESSED"));
        String dismissal = fixture(
                "pull_request_review",
                Map.ofEntries(
                        Map.entry("action", "dismissed"),
                        Map.entry("repo", s.repo()),
                        Map.entry("student", s.login()),
                        Map.entry("number", "35"),
                        Map.entry("review_state", "dismissed"),
                        Map.entry("review_sha", sha),
                        Map.entry("sha", sha),
                        Map.entry("submitted_at", "2026-11-20T10:30:00Z"),
                        Map.entry("updated_at", "2026-11-20T10:45:00Z"),
                        Map.entry("title", "[H2/PR1] Dockerfile"),
                        Map.entry("ref", "week-1-docker")));
        deliver("pull_request_review", dismissal).then().body("outcome", equalTo("PROCESSED"));

        deliver("pull_request_review", approval).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        deliver("pull_request_review", approval.replace("\"id\": 80", "\"id\": 81"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"));
        deliver("pull_request", fixture("pull_request", merged(values, "2026-11-20T11:00:00Z")));
        assertThat(item(s, "H2/PR1").getBoolean("done")).isFalse();
        assertThat(item(s, "H2/PR1").getString("pullRequest.review")).isEqualTo("NONE");
    }

    @Test
    void hostileBodiesAndLinksNeitherSlowADeliveryNorBecomeLinks() {
        Student s = student();
        Map<String, String> values = pr(s, 36, "opened", "4".repeat(40), "2026-11-20T10:00:00Z", false);
        values.put("title", "No tag");
        values.put("body", "H1" + " ".repeat(200_000) + "x");
        String body = fixture("pull_request", values)
                .replace(
                        "\"html_url\": \"https://github.com/" + s.repo() + "/pull/36\"",
                        "\"html_url\": \"javascript:alert(1)\"");
        long start = System.nanoTime();
        deliver("pull_request", body).then().statusCode(200).body("outcome", equalTo("PROCESSED"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        as(s.token())
                .get(BASE + "/pull-requests")
                .then()
                .statusCode(200)
                .body("find { it.number == 36 }.url", equalTo("https://github.com/" + s.repo() + "/pull/36"));
    }

    @Test
    void checkSuitesWithoutPullRequestsMatchOnlyInTheirOwnRepository() {
        Student a = student();
        Student b = student();
        String sha = "3".repeat(40);
        deliver("pull_request", fixture("pull_request", pr(a, 37, "opened", sha, "2026-11-20T10:00:00Z", false)));
        deliver("pull_request", fixture("pull_request", pr(b, 37, "opened", sha, "2026-11-20T10:00:00Z", false)));
        deliver("check_suite", checks(a, sha, "failure", "[]"));
        assertThat(item(a, "H2/PR1").getString("pullRequest.checks")).isEqualTo("FAILING");
        assertThat(item(b, "H2/PR1").getString("pullRequest.checks")).isEqualTo("NONE");
    }

    @Test
    void evidenceForAStudentWhoIsNotEnrolledIsRecordedAsIgnoredNotFailed() {
        Student s = student();
        String repo = s.login() + "/demo";
        as(s.token())
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + repo))
                .put("/api/courses/demo-course/repository")
                .then()
                .statusCode(200);
        Student inDemo = new Student(s.login(), s.token(), repo);
        String sha = "2".repeat(40);
        Map<String, String> values = pr(inDemo, 38, "opened", sha, "2026-11-20T10:00:00Z", false);
        values.put("title", "[H1/PR1] First steps");
        deliver("pull_request", fixture("pull_request", values));
        deliver("check_suite", checks(inDemo, sha, "success", "[{\"number\": 38}]"));
        String id = UUID.randomUUID().toString();
        deliver("pull_request", fixture("pull_request", merged(values, "2026-11-20T11:00:00Z")), id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("not enrolled"));
        assertThat(outcomeOf(id)).isEqualTo("IGNORED");
    }

    /** A student enrolled in the course whose course.toml names a reviewer and the checks that count. */
    private static Student reviewedCourseStudent() {
        String course = "/api/courses/reviewed-course";
        String code = as(Api.admin())
                .contentType("application/json")
                .body(Map.of("code", "REVIEWED-COURSE-CODE"))
                .put(course + "/join-code")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        Student s = student();
        as(s.token())
                .contentType("application/json")
                .body(Map.of("joinCode", code))
                .post(course + "/enrollments")
                .then()
                .statusCode(Matchers.either(equalTo(200)).or(equalTo(201)));
        String repo = s.login() + "/reviewed";
        as(s.token())
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + repo))
                .put(course + "/repository")
                .then()
                .statusCode(200);
        return new Student(s.login(), s.token(), repo);
    }

    private static String checkRun(Student s, String sha, String name, String conclusion, int number) {
        return fixture(
                "check_run",
                Map.of(
                        "repo",
                        s.repo(),
                        "student",
                        s.login(),
                        "sha",
                        sha,
                        "ref",
                        "week-1",
                        "name",
                        name,
                        "conclusion",
                        conclusion,
                        "pull_requests",
                        "[{\"number\": " + number + "}]"));
    }

    private static JsonPath reviewedItem(Student s) {
        return new JsonPath(as(s.token())
                        .get("/api/courses/reviewed-course/checklist")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .setRootPath("items.find { it.id == 'H1/PR1' }");
    }

    @Test
    void whereTheCourseNamesItsChecksOnlyThoseRunsCountAndTheSuiteAloneProvesNothing() {
        Student s = reviewedCourseStudent();
        String sha = "4".repeat(40);
        Map<String, String> values = pr(s, 40, "opened", sha, "2026-11-20T10:00:00Z", false);
        values.put("title", "[H1/PR1] First steps");
        deliver("pull_request", fixture("pull_request", values));
        deliver("pull_request", fixture("pull_request", merged(values, "2026-11-20T11:00:00Z")));

        deliver("check_suite", checks(s, sha, "success", "[{\"number\": 40}]"))
                .then()
                .statusCode(200);
        assertThat(reviewedItem(s).getBoolean("done")).isFalse();
        deliver("check_run", checkRun(s, sha, "deploy-preview", "success", 40))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("not one the course counts"));
        deliver("check_run", checkRun(s, sha, "unit-tests", "success", 40))
                .then()
                .statusCode(200);
        assertThat(reviewedItem(s).getString("pullRequest.checks")).isEqualTo("PENDING");
        assertThat(reviewedItem(s).getBoolean("done")).isFalse();

        deliver("check_run", checkRun(s, sha, "lint", "success", 40))
                .then()
                .statusCode(200)
                .body("detail", containsString("H1/PR1 done"));
        JsonPath done = reviewedItem(s);
        assertThat(done.getBoolean("done")).isTrue();
        assertThat(done.getString("source")).isEqualTo("GITHUB");
        assertThat(done.getString("pullRequest.checks")).isEqualTo("PASSING");
    }

    @Test
    void theCoursesListedReviewerApprovesButAClassmateDoesNot() {
        Student s = reviewedCourseStudent();
        String sha = "5".repeat(40);
        Map<String, String> values = pr(s, 41, "opened", sha, "2026-11-20T10:00:00Z", false);
        values.put("title", "[H1/PR1] First steps");
        deliver("pull_request", fixture("pull_request", values));

        String byClassmate = review(s, 41, "approved", sha, sha, "2026-11-20T12:00:00Z", "[H1/PR1] First steps")
                .replace("\"login\": \"admin\", \"id\": 1", "\"login\": \"a-classmate\", \"id\": 7");
        deliver("pull_request_review", byClassmate)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IGNORED"))
                .body("detail", containsString("not course staff"));
        String byTeachingAssistant = review(s, 41, "approved", sha, sha, "2026-11-20T12:30:00Z", "[H1/PR1] First steps")
                .replace("\"login\": \"admin\", \"id\": 1", "\"login\": \"Grace-TA\", \"id\": 8");
        deliver("pull_request_review", byTeachingAssistant)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PROCESSED"));
        assertThat(reviewedItem(s).getString("pullRequest.review")).isEqualTo("APPROVED");

        deliver("pull_request", fixture("pull_request", merged(values, "2026-11-20T13:00:00Z")))
                .then()
                .statusCode(200)
                .body("detail", containsString("H1/PR1 done"));
        assertThat(reviewedItem(s).getString("source")).isEqualTo("GITHUB");
    }

    @Test
    void theCourseServesItsEvidencePolicy() {
        given().get("/api/courses/reviewed-course")
                .then()
                .statusCode(200)
                .body("evidencePolicy.reviewers", Matchers.contains("grace-ta"))
                .body("evidencePolicy.checks", Matchers.contains("unit-tests", "lint"));
        given().get("/api/courses/" + COURSE).then().statusCode(200).body("evidencePolicy.reviewers", Matchers.empty());
    }
}
