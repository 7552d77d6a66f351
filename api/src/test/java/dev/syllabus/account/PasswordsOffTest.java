package dev.syllabus.account;

import static dev.syllabus.support.Api.COURSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.support.Api;
import dev.syllabus.support.GithubSignInProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment that turned password sign-in off once GitHub sign-in was set up: only the first instructor keeps one. */
@QuarkusTest
@TestProfile(PasswordsOffTest.PasswordsOff.class)
class PasswordsOffTest {

    /** Sign-in with GitHub set up (against the fake GitHub), password sign-in off. */
    public static class PasswordsOff extends GithubSignInProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("syllabus.auth.passwords", "false");
        }
    }

    @Test
    void onlyTheFirstInstructorSignsInWithAPasswordAndNobodyJoinsWithOne() {
        given().get("/api/auth/providers")
                .then()
                .statusCode(200)
                .body("password", equalTo(false))
                .body("github", equalTo(true));
        String admin = Api.admin();
        given().contentType("application/json")
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", "somebody", "password", "a long enough password"))
                .post("/api/auth/login")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .header("X-Forwarded-For", Api.address())
                .body(Map.of(
                        "login",
                        Api.uniqueLogin("nopass"),
                        "password",
                        Api.STUDENT_PASSWORD,
                        "joinCode",
                        Api.joinCode()))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Api.as(admin).get("/api/auth/me").then().statusCode(200).body("role", equalTo("INSTRUCTOR"));
    }
}
