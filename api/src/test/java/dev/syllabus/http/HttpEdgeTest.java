package dev.syllabus.http;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static dev.syllabus.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.support.Api;
import dev.syllabus.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** What every request meets before the REST layer: client addresses, limits, and the headers of every answer. */
@QuarkusTest
class HttpEdgeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(2);

    @Test
    void emptyOrMalformedForwardingHeadersAreIgnoredNeverHangingOrFailingARequest() throws Exception {
        RawHttp http = new RawHttp(RestAssured.port, PATIENCE);
        for (String[] header : List.of(
                new String[] {"X-Forwarded-For", ""},
                new String[] {"X-Forwarded-For", "foo"},
                new String[] {"X-Forwarded-For", ",,"},
                new String[] {"X-Forwarded-For", "x".repeat(300)},
                new String[] {"Forwarded", "for="},
                new String[] {"X-Forwarded-Host", ""},
                new String[] {"X-Forwarded-Proto", "gopher"})) {
            RawHttp.Answer agenda = http.get("/api/agenda", Map.of(header[0], header[1]));
            assertThat(agenda.status())
                    .as(header[0] + ": '" + header[1] + "' on the agenda")
                    .isEqualTo(200);
            RawHttp.Answer signIn = http.postJson(
                    "/api/auth/login",
                    Map.of(header[0], header[1]),
                    "{\"login\":\"" + Api.uniqueLogin("nobody") + "\",\"password\":\"wrong\"}");
            assertThat(signIn.status())
                    .as(header[0] + ": '" + header[1] + "' on sign-in")
                    .isEqualTo(401);
            assertThat(signIn.header("content-type")).isEqualTo(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClientSoEachAddressHasItsOwnThrottle() {
        String crowded = Api.address();
        for (int i = 0; i < 20; i++) {
            given().contentType("application/json")
                    .header("X-Forwarded-For", "6.6.6.6, " + crowded)
                    .body(Map.of("login", "nobody-" + i, "password", "wrong password"))
                    .post("/api/auth/login")
                    .then()
                    .statusCode(401);
        }
        given().contentType("application/json")
                .header("X-Forwarded-For", crowded)
                .body(Map.of("login", "nobody", "password", "wrong password"))
                .post("/api/auth/login")
                .then()
                .statusCode(429)
                .header("Retry-After", Matchers.notNullValue());
        Api.login(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    @Test
    void oversizedRequestsGetProblemsNotBareRefusals() throws Exception {
        RawHttp http = new RawHttp(RestAssured.port, PATIENCE);
        RawHttp.Answer longTarget = http.get("/api/courses?x=" + "a".repeat(20_000), Map.of());
        assertThat(longTarget.status()).isEqualTo(414);
        assertThat(longTarget.header("content-type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(longTarget.text()).contains("\"status\":414");
        RawHttp.Answer bigHeaders = http.get("/api/courses", Map.of("X-Padding", "p".repeat(20_000)));
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.text()).contains("\"status\":431");
        RawHttp.Answer blankAccept = http.get("/api/courses/" + COURSE + "/homework?x=1", Map.of("Accept", ""));
        assertThat(blankAccept.status()).isEqualTo(200);
    }

    @Test
    void refusalsNoRouteMatchedAreCountedUnderOneNameNotUnderAddressesClientsMakeUp() throws Exception {
        String madeUp = "/api/courses/made-up-" + System.nanoTime();
        RawHttp.Answer longTarget =
                new RawHttp(RestAssured.port, PATIENCE).get(madeUp + "/" + "a".repeat(9_000), Map.of());
        assertThat(longTarget.status()).isEqualTo(414);
        given().patch(madeUp).then().statusCode(405).contentType(Problem.MEDIA_TYPE);

        String metrics = management().get("/q/metrics").asString();
        assertThat(metrics).doesNotContain(madeUp);
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("status=\"414\"", "uri=\"" + HttpEdge.UNMATCHED + "\""))
                .anySatisfy(line -> assertThat(line).contains("status=\"405\"", "uri=\"" + HttpEdge.UNMATCHED + "\""));
    }

    @Test
    void pagesFarBeyondAnyListAreRefusedNamingThePage() {
        String admin = Api.admin();
        for (String list : List.of(
                "/api/courses/" + COURSE + "/history",
                "/api/courses/" + COURSE + "/cohort",
                "/api/github/deliveries")) {
            as(admin)
                    .queryParam("page", 30_000_000)
                    .queryParam("size", 100)
                    .get(list)
                    .then()
                    .statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].field", equalTo("page"));
            as(admin)
                    .queryParam("page", PageRequest.MAX_PAGE)
                    .queryParam("size", 100)
                    .get(list)
                    .then()
                    .statusCode(200);
        }
        given().queryParam("page", 2_147_483_647).get("/api/courses").then().statusCode(400);
    }

    @Test
    void privateAnswersAreNeverStoredAndNoAnswerIsSniffed() {
        String admin = Api.admin();
        String student = Api.student(Api.uniqueLogin("private"));
        for (var answer : List.of(
                as(student).get("/api/courses/" + COURSE + "/checklist"),
                as(admin).get("/api/courses/" + COURSE + "/cohort"),
                as(admin).accept("text/csv").get("/api/courses/" + COURSE + "/cohort"),
                as(admin).get("/api/courses/" + COURSE + "/join-code"),
                as(admin)
                        .contentType("application/json")
                        .body(Map.of("label", "cache test"))
                        .post("/api/auth/tokens"),
                given().contentType("application/json")
                        .body(Map.of("login", Api.ADMIN, "password", Api.ADMIN_PASSWORD))
                        .header("X-Forwarded-For", Api.address())
                        .post("/api/auth/login"),
                given().get("/api/courses/nope"))) {
            assertThat(answer.statusCode()).isLessThan(500);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        for (var answer : List.of(
                given().get("/api/agenda"),
                given().get("/api/courses/" + COURSE + "/homework/H3"),
                given().queryParam("page", 1).get("/api/courses"))) {
            assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=60, must-revalidate");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void aSameOriginRequestThroughATrustedProxyPassesCorsAndAForeignOriginDoesNot() {
        given().header("Origin", "https://syllabus.example.org")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "syllabus.example.org")
                .contentType("application/json")
                .body(Map.of("login", "nobody", "password", "wrong password"))
                .header("X-Forwarded-For", Api.address())
                .post("/api/auth/login")
                .then()
                .statusCode(401);
        given().header("Origin", "https://evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "syllabus.example.org")
                .contentType("application/json")
                .body(Map.of("login", "nobody", "password", "wrong password"))
                .post("/api/auth/login")
                .then()
                .statusCode(403);
    }
}
