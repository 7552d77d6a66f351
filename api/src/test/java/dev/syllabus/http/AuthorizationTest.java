package dev.syllabus.http;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the OpenAPI document as anonymous, student A, student B and an
 * instructor, and checks each answer: 401 without a token, 403 for a role that may not, and
 * neither for a role that may. Student A never reads or changes student B's progress.
 */
@QuarkusTest
class AuthorizationTest {

    private enum Caller {
        ANONYMOUS,
        STUDENT,
        INSTRUCTOR
    }

    /** Who may call each operation that needs an account; a new operation must be added here. */
    private static final Map<String, Set<Caller>> ALLOWED = Map.ofEntries(
            Map.entry("logout", Set.of(Caller.STUDENT, Caller.INSTRUCTOR)),
            Map.entry("getMe", Set.of(Caller.STUDENT, Caller.INSTRUCTOR)),
            Map.entry("startGithubLink", Set.of(Caller.STUDENT, Caller.INSTRUCTOR)),
            Map.entry("createIntegrationToken", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listIntegrationTokens", Set.of(Caller.INSTRUCTOR)),
            Map.entry("revokeIntegrationToken", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getJoinCode", Set.of(Caller.INSTRUCTOR)),
            Map.entry("setJoinCode", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getMyChecklist", Set.of(Caller.STUDENT)),
            Map.entry("markItemDone", Set.of(Caller.STUDENT)),
            Map.entry("markItemNotDone", Set.of(Caller.STUDENT)),
            Map.entry("getStudentChecklist", Set.of(Caller.INSTRUCTOR)),
            Map.entry("reviewHomework", Set.of(Caller.INSTRUCTOR)),
            Map.entry("markStudentItemDone", Set.of(Caller.INSTRUCTOR)),
            Map.entry("markStudentItemNotDone", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getCohort", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getCohortSummary", Set.of(Caller.INSTRUCTOR)),
            Map.entry("uploadRoster", Set.of(Caller.INSTRUCTOR)),
            Map.entry("resolveRosterConflict", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getHistory", Set.of(Caller.INSTRUCTOR)),
            Map.entry("replaceCourseContent", Set.of(Caller.INSTRUCTOR)),
            Map.entry("checkCourseContent", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listGithubDeliveries", Set.of(Caller.INSTRUCTOR)),
            Map.entry("registerRepository", Set.of(Caller.STUDENT)),
            Map.entry("registerStudentRepository", Set.of(Caller.INSTRUCTOR)),
            Map.entry("decideRepositoryOwner", Set.of(Caller.INSTRUCTOR)),
            Map.entry("createRosterInvites", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listRosterInvites", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listMyPullRequests", Set.of(Caller.STUDENT)),
            Map.entry("listRuns", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getRun", Set.of(Caller.INSTRUCTOR)),
            Map.entry("putRun", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getRunCohort", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getGradebook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getRunGradebook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("renewCalendarUrl", Set.of(Caller.STUDENT)),
            Map.entry("extendDeadline", Set.of(Caller.INSTRUCTOR)),
            Map.entry("removeExtension", Set.of(Caller.INSTRUCTOR)),
            Map.entry("assignPullRequest", Set.of(Caller.STUDENT)),
            Map.entry("removeEnrollment", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listWebhooks", Set.of(Caller.INSTRUCTOR)),
            Map.entry("createWebhook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getWebhook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("replaceWebhook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("deleteWebhook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listWebhookDeliveries", Set.of(Caller.INSTRUCTOR)),
            Map.entry("resendWebhookDelivery", Set.of(Caller.INSTRUCTOR)),
            Map.entry("resendFailedWebhookDeliveries", Set.of(Caller.INSTRUCTOR)),
            Map.entry("rotateWebhookSecret", Set.of(Caller.INSTRUCTOR)),
            Map.entry("testWebhook", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listLtiPlatforms", Set.of(Caller.INSTRUCTOR)),
            Map.entry("registerLtiPlatform", Set.of(Caller.INSTRUCTOR)),
            Map.entry("getLtiPlatform", Set.of(Caller.INSTRUCTOR)),
            Map.entry("deleteLtiPlatform", Set.of(Caller.INSTRUCTOR)),
            Map.entry("addLtiDeployment", Set.of(Caller.INSTRUCTOR)),
            Map.entry("syncLtiRoster", Set.of(Caller.INSTRUCTOR)),
            Map.entry("bindLtiContext", Set.of(Caller.INSTRUCTOR)),
            Map.entry("listLtiScores", Set.of(Caller.INSTRUCTOR)),
            Map.entry("resendLtiScore", Set.of(Caller.INSTRUCTOR)));

    /** Bodies that are valid for each operation that takes one, so only the caller decides the answer. */
    private static final Map<String, Object> BODIES = Map.ofEntries(
            Map.entry(
                    "registerStudentRepository",
                    Map.of("url", "https://github.com/walker-org/course-" + System.nanoTime())),
            Map.entry("assignPullRequest", Map.of("item", "H3/PR1")),
            Map.entry("createIntegrationToken", Map.of("label", "walker")),
            Map.entry("setJoinCode", Map.of("code", "TEST-CODE-1")),
            Map.entry("reviewHomework", Map.of("decision", "APPROVED")),
            Map.entry("markItemDone", Map.of()),
            Map.entry("markStudentItemDone", Map.of()),
            // A run that started long ago, so it never becomes the current run other suites use.
            Map.entry("putRun", Map.of("title", "Walked", "start", "2025-01-06", "timeZone", "UTC")),
            Map.entry("extendDeadline", Map.of("due", "2200-01-01T00:00:00Z")),
            Map.entry("resolveRosterConflict", Map.of("choice", "KEEP")),
            Map.entry("decideRepositoryOwner", Map.of("decision", "CONFIRMED")),
            // Well formed, refused by the rules (400): no walk leaves a subscription behind.
            Map.entry("createWebhook", Map.of("url", "ftp://walker.example", "events", List.of("*"))),
            Map.entry("replaceWebhook", Map.of("url", "ftp://walker.example", "events", List.of("*"))),
            Map.entry(
                    "registerLtiPlatform",
                    Map.of(
                            "issuer", "ftp://walker.example",
                            "clientId", "walker",
                            "authorizationEndpoint", "ftp://walker.example/auth",
                            "tokenEndpoint", "ftp://walker.example/token",
                            "jwksUri", "ftp://walker.example/jwks")),
            Map.entry("addLtiDeployment", Map.of("deploymentId", "walker")),
            Map.entry("bindLtiContext", Map.of("run", "walker")));

    @Test
    void everyOperationAnswersEachCallerAsItsRoleAllows() throws Exception {
        String studentA = Api.uniqueLogin("walker-a");
        String studentB = Api.uniqueLogin("walker-b");
        String tokenA = Api.student(studentA);
        String tokenB = Api.student(studentB);
        // The one an instructor's walk takes out of the course.
        String studentC = Api.uniqueLogin("walker-c");
        Api.student(studentC);
        as(tokenB)
                .contentType("application/json")
                .put("/api/courses/" + COURSE + "/checklist/H2/PR1/done")
                .then()
                .statusCode(200);
        String markdown = given().accept("text/markdown")
                .get("/api/courses/demo-course/agenda")
                .asString();
        JsonNode paths = new ObjectMapper()
                .readTree(given().accept("application/json").get("/q/openapi").asString())
                .get("paths");

        List<String> walked = new ArrayList<>();
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                JsonNode op = operation.getValue();
                String id = op.path("operationId").asText();
                // Without a requirement of its own, an operation takes the document's: a bearer token.
                boolean secured =
                        !op.has("security") || op.path("security").toString().contains("bearer");
                assertThat(secured)
                        .as(id + " is secured exactly when it is in the table")
                        .isEqualTo(ALLOWED.containsKey(id));
                if (!secured || id.equals("logout")) {
                    continue;
                }
                String url = path.getKey()
                        .replace("{slug}", id.endsWith("CourseContent") ? "demo-course" : COURSE)
                        .replace("{login}", id.equals("removeEnrollment") ? studentC : studentB)
                        .replace("{code}", "H1")
                        .replace("{group}", "H2")
                        .replace("{item}", "PR2")
                        .replace("{id}", "999999")
                        .replace("{number}", "1")
                        .replace("{delivery}", "999999")
                        .replace("{run}", id.equals("putRun") ? "walked-run" : "first");
                for (Caller caller : Caller.values()) {
                    String token =
                            switch (caller) {
                                case ANONYMOUS -> null;
                                case STUDENT -> tokenA;
                                case INSTRUCTOR -> Api.admin();
                            };
                    int status = call(operation.getKey(), url, token, id, markdown, studentA)
                            .statusCode();
                    String what = caller + " " + operation.getKey().toUpperCase() + " " + url;
                    if (caller == Caller.ANONYMOUS) {
                        assertThat(status).as(what).isEqualTo(401);
                    } else if (ALLOWED.get(id).contains(caller)) {
                        assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(status).as(what).isEqualTo(403);
                    }
                    walked.add(what);
                }
            }
        }
        assertThat(walked).hasSizeGreaterThanOrEqualTo(3 * (ALLOWED.size() - 1));

        as(tokenA)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .body("student", Matchers.equalTo(studentA))
                .body("items.find { it.id == 'H2/PR1' }.done", Matchers.equalTo(false));
        as(tokenB)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H2/PR1' }.done", Matchers.equalTo(true));
    }

    private static Response call(String method, String url, String token, String id, String markdown, String studentA) {
        RequestSpecification request = token == null ? given() : as(token);
        switch (id) {
            case "registerRepository" ->
                request = request.contentType("application/json")
                        .body(Map.of("url", "https://github.com/" + studentA + "/course-" + System.nanoTime()));
            case "uploadRoster" ->
                request =
                        request.contentType("text/csv").body("login,name,email\n" + Api.uniqueLogin("roster") + ",,\n");
            case "replaceCourseContent", "checkCourseContent" ->
                request = request.contentType("text/markdown").body(markdown);
            default -> {
                if (BODIES.containsKey(id)) {
                    request = request.contentType("application/json").body(BODIES.get(id));
                }
            }
        }
        return request.request(method.toUpperCase(), url);
    }
}
