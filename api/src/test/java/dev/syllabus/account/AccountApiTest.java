package dev.syllabus.account;

import static dev.syllabus.support.Api.ADMIN;
import static dev.syllabus.support.Api.ADMIN_PASSWORD;
import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.STUDENT_PASSWORD;
import static dev.syllabus.support.Api.address;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.syllabus.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out, lockout and integration tokens, through HTTP against the real database. */
@QuarkusTest
class AccountApiTest {

    private static final String PROBLEM = "application/problem+json";

    private static Response attempt(String login, String password, String address) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("login", login, "password", password))
                .post("/api/auth/login");
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefusedNotCut() {
        String seventyThreeBytes = "é".repeat(36) + "x";
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", Api.ADMIN, "password", seventyThreeBytes))
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of(
                        "login", Api.uniqueLogin("long"), "password", seventyThreeBytes, "joinCode", Api.joinCode()))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", Api.uniqueLogin("long"), "password", "p".repeat(73), "joinCode", Api.joinCode()))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void theFirstInstructorSignsInWithTheConfiguredPassword() {
        Response response = attempt(ADMIN, ADMIN_PASSWORD, address());

        response.then()
                .statusCode(200)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue())
                .body("account.login", equalTo(ADMIN))
                .body("account.role", equalTo("INSTRUCTOR"));
        assertThat(response.asString()).doesNotContain("password").doesNotContain("$2");
        as(response.path("token")).get("/api/auth/me").then().statusCode(200).body("login", equalTo(ADMIN));
    }

    @Test
    void aWrongPasswordOrUnknownLoginIsA401Problem() {
        attempt(ADMIN, "not the password", address())
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("detail", equalTo("Wrong login or password."));
        attempt("nobody-at-all", "whatever it is", address())
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("detail", equalTo("Wrong login or password."));
    }

    @Test
    void withoutAValidTokenProtectedCallsAre401Problems() {
        given().get("/api/auth/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", Matchers.startsWith("Bearer"));
        as("made-up-token").get("/api/auth/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void signingOutRevokesTheToken() {
        String token = Api.admin();
        as(token).post("/api/auth/logout").then().statusCode(204);
        as(token).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aTokenRevokedOnAnotherReplicaStopsWorkingWithinTheTokenCacheTime() throws InterruptedException {
        String token = Api.student(Api.uniqueLogin("replica"));
        as(token).get("/api/auth/me").then().statusCode(200);
        // Another replica revokes it: only the database knows, not this replica's resolved tokens.
        QuarkusTransaction.requiringNew()
                .run(() -> AccessTokenEntity.update(
                        "revokedAt = ?1 where tokenHash = ?2", Instant.now(), Tokens.digest(token)));
        Duration bound = ConfigProvider.getConfig().getValue("syllabus.auth.token-cache", Duration.class);
        long start = System.nanoTime();
        while (as(token).get("/api/auth/me").statusCode() == 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound.plusSeconds(1));
            Thread.sleep(100);
        }
        as(token).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void repeatedFailuresSlowTheGuessingAddressNeverTheOwnerElsewhere() {
        String login = Api.uniqueLogin("guessed");
        Api.student(login);
        String attacker = address();
        for (int i = 1; i <= 5; i++) {
            attempt(login, "wrong password " + i, attacker).then().statusCode(401);
        }
        attempt(login, "wrong password 6", attacker)
                .then()
                .statusCode(429)
                .contentType(PROBLEM)
                .header("Retry-After", notNullValue());
        attempt(login, STUDENT_PASSWORD, attacker).then().statusCode(429);
        // Anyone could make those guesses; the owner, elsewhere, is not locked out by them.
        attempt(login, STUDENT_PASSWORD, address()).then().statusCode(200);
    }

    @Test
    void anUnknownLoginIsAnsweredExactlyAsAKnownOne() {
        String known = Api.uniqueLogin("known");
        Api.student(known);
        String unknown = Api.uniqueLogin("unknown");
        String knownAddress = address();
        String unknownAddress = address();
        for (int i = 1; i <= 7; i++) {
            Response toKnown = attempt(known, "wrong password " + i, knownAddress);
            Response toUnknown = attempt(unknown, "wrong password " + i, unknownAddress);
            assertThat(toUnknown.statusCode()).as("attempt %d", i).isEqualTo(toKnown.statusCode());
            assertThat(toUnknown.jsonPath().getString("detail"))
                    .as("attempt %d", i)
                    .isEqualTo(toKnown.jsonPath().getString("detail"));
        }
    }

    @Test
    void oneAddressFailingAcrossManyAccountsIsSlowedDown() {
        String address = address();
        for (int i = 0; i < 20; i++) {
            attempt("nobody-" + i, "wrong", address).then().statusCode(401);
        }
        attempt(ADMIN, ADMIN_PASSWORD, address).then().statusCode(429).header("Retry-After", notNullValue());
        attempt(ADMIN, ADMIN_PASSWORD, address()).then().statusCode(200);
    }

    @Test
    void integrationTokensLastAtMostTheConfiguredMaximumNinetyDaysByDefault() {
        String admin = Api.admin();
        Response unnamed = as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "no lifetime named"))
                .post("/api/auth/tokens");
        unnamed.then().statusCode(201);
        Instant expires = Instant.parse(unnamed.path("expiresAt"));
        assertThat(expires)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "ten years", "expiresInDays", 3650))
                .post("/api/auth/tokens")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("expiresInDays"))
                .body("errors[0].message", containsString("at most 90 days"));
        assertThat(as(admin).get("/api/auth/tokens").jsonPath().getList("expiresAt"))
                .as("every token listed shows when it expires")
                .doesNotContainNull();
    }

    @Test
    void integrationTokensReadButNeverWrite() {
        String admin = Api.admin();
        Api.joinCode();
        Response created = as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "dashboard", "expiresInDays", 30))
                .post("/api/auth/tokens");
        created.then().statusCode(201).header("Location", notNullValue()).body("token", notNullValue());
        String token = created.path("token");
        int id = created.path("id");

        as(token).get("/api/courses/" + COURSE + "/join-code").then().statusCode(403);
        as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "HIJACKED"))
                .put("/api/courses/" + COURSE + "/join-code")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "another"))
                .post("/api/auth/tokens")
                .then()
                .statusCode(403);
        as(admin)
                .get("/api/auth/tokens")
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.label", equalTo("dashboard"))
                .body("find { it.id == " + id + " }.token", nullValue());

        as(admin).delete("/api/auth/tokens/" + id).then().statusCode(204);
        as(token).get("/api/courses/" + COURSE + "/join-code").then().statusCode(401);
        as(admin).delete("/api/auth/tokens/999999999").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void malformedSignInsAre400ProblemsNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("login", ADMIN))
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("password"));
        given().contentType(ContentType.JSON)
                .body(Map.of("login", ADMIN, "password", "x", "admin", true))
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("admin"));
        given().contentType(ContentType.JSON)
                .body("{\"login\": ")
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", 42, "password", List.of()))
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", "x".repeat(40), "password", "y"))
                .post("/api/auth/login")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("login"));
    }
}
