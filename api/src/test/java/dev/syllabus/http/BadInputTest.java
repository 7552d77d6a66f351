package dev.syllabus.http;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.STUDENT_PASSWORD;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Malformed, mistyped, missing, unknown, oversized and hostile input: every answer is a 4xx
 * problem naming the field, never a 5xx, and a refused request stores nothing.
 */
@QuarkusTest
class BadInputTest {

    private static final String BASE = "/api/courses/" + COURSE;

    private static void isProblem(Response response, int status, String field) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        if (field != null) {
            assertThat(response.jsonPath().getList("errors.field", String.class))
                    .as(response.asString())
                    .contains(field);
        }
    }

    @Test
    void joiningRefusesEveryKindOfBadBodyAndCreatesNoAccount() {
        String code = Api.joinCode();
        String login = Api.uniqueLogin("bad");
        String url = BASE + "/enrollments";
        Map<String, Object> valid = Map.of("login", login, "password", STUDENT_PASSWORD, "joinCode", code);

        isProblem(
                given().contentType(ContentType.JSON)
                        .body("{\"login\": \"" + login)
                        .post(url),
                400,
                "login");
        isProblem(given().contentType(ContentType.JSON).body("[1, 2]").post(url), 400, null);
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("login", 12, "password", STUDENT_PASSWORD, "joinCode", code))
                        .post(url),
                400,
                null);
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("login", login, "joinCode", code))
                        .post(url),
                400,
                "password");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "role", "INSTRUCTOR"))
                        .post(url),
                400,
                "role");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "login", "x".repeat(40)))
                        .post(url),
                400,
                "login");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "login", "<script>"))
                        .post(url),
                400,
                "login");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "login", "a'; DROP TABLE account;--"))
                        .post(url),
                400,
                "login");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "email", "not an email"))
                        .post(url),
                400,
                "email");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "name", "n".repeat(201)))
                        .post(url),
                400,
                "name");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body(with(valid, "password", "short"))
                        .post(url),
                400,
                "password");
        isProblem(given().contentType(ContentType.XML).body("<join/>").post(url), 415, null);
        isProblem(
                given().contentType(ContentType.JSON)
                        .body("{\"login\": \"" + "x".repeat(2_000_000) + "\"}")
                        .post(url),
                413,
                null);

        given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", STUDENT_PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(401);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWith413AndAtMostOneLineInTheLog() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ProblemMapper.class.getName());
        logger.addHandler(handler);
        try {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 3; i++) {
                // No Content-Length: the body streams in chunks until it passes the limit.
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + RestAssured.port + "/api/github/webhook"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(new byte[3_000_000])))
                        .build();
                assertThat(refusal(client, request)).isEqualTo(413);
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(logged)
                .as("no error and no stack trace for a client's oversized body")
                .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null);
        assertThat(logged).as("three refusals, one warning at most").hasSizeLessThanOrEqualTo(1);
    }

    /**
     * The status of the answer to a body the server stops reading: the server answers 413 and closes,
     * and a client still writing may find the connection reset before it reads the answer (a race of
     * TCP, more likely on a busy box), so a cut connection is tried again, a few times.
     */
    private static int refusal(HttpClient client, HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            } catch (java.io.IOException cut) {
                if (attempt == 5) {
                    throw cut;
                }
            }
        }
    }

    @Test
    void textIsStoredAndReturnedAsDataNeverInterpreted() {
        String login = Api.uniqueLogin("data");
        String hostile = "<img src=x onerror=alert(1)> Robert'); DROP TABLE account;-- \"quoted\" \\ \u00e9";
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "name", hostile, "password", STUDENT_PASSWORD, "joinCode", Api.joinCode()))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        as(token).get("/api/auth/me").then().statusCode(200).body("name", equalTo(hostile));
        as(Api.admin())
                .queryParam("size", 100)
                .get(BASE + "/cohort")
                .then()
                .statusCode(200)
                .body("find { it.login == '" + login + "' }.name", equalTo(hostile));
    }

    @Test
    void tickingRefusesBadEvidenceAndStoresNothing() {
        String token = Api.student(Api.uniqueLogin("evil"));
        String url = BASE + "/checklist/H3/PR1/done";
        for (String evidence : List.of(
                "https://github.com/a/b/pull/1\"><script>",
                "https://github.com/a/b/pull/1' OR 1=1--",
                "ftp://github.com/a/b/pull/1",
                "https://evil.example/a/b/pull/1",
                "https://github.com/" + "a".repeat(2000) + "/b/pull/1")) {
            isProblem(
                    as(token)
                            .contentType(ContentType.JSON)
                            .body(Map.of("evidence", evidence))
                            .put(url),
                    400,
                    "evidence");
        }
        isProblem(
                as(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("evidence", List.of("x")))
                        .put(url),
                400,
                "evidence");
        isProblem(
                as(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("proof", "x"))
                        .put(url),
                400,
                "proof");
        as(token)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H3/PR1' }.done", equalTo(false))
                .body("items.find { it.id == 'H3/PR1' }.version", equalTo(0));
    }

    @Test
    void instructorsBadInputIsNamedToo() {
        String admin = Api.admin();
        isProblem(
                as(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("code", "has spaces!"))
                        .put(BASE + "/join-code"),
                400,
                "code");
        isProblem(
                as(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("label", ""))
                        .post("/api/auth/tokens"),
                400,
                "label");
        isProblem(
                as(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("label", "x", "expiresInDays", 0))
                        .post("/api/auth/tokens"),
                400,
                "expiresInDays");
        isProblem(
                as(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("label", "x", "expiresInDays", "soon"))
                        .post("/api/auth/tokens"),
                400,
                "expiresInDays");
        isProblem(
                as(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("decision", "APPROVED", "comment", "c".repeat(5001)))
                        .post(BASE + "/students/nobody/homework/H1/reviews"),
                400,
                "comment");
        isProblem(as(admin).queryParam("page", "-1").get(BASE + "/cohort"), 400, "page");
        isProblem(as(admin).contentType("text/csv").body("\"unclosed,quote\n").post(BASE + "/roster"), 422, null);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
