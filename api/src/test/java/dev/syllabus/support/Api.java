package dev.syllabus.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Signing in and joining through the HTTP API, for tests that need accounts. */
public final class Api {

    public static final String COURSE = "ml-in-production";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "syllabus-admin";
    public static final String STUDENT_PASSWORD = "a long enough password";

    private Api() {}

    /** A fresh client address, so the per-address sign-in throttle of one test never meets another's. */
    public static String address() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
                + (int) (Math.random() * 250);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static String login(String login, String password) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", address())
                .body(Map.of("login", login, "password", password))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    public static String admin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    /** Sets the course's join code (as the admin) and returns it. */
    public static String joinCode() {
        return joinCode(COURSE);
    }

    /** Sets {@code course}'s join code (as the admin) and returns it. */
    public static String joinCode(String course) {
        return as(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "TEST-CODE-1"))
                .put("/api/courses/" + course + "/join-code")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
    }

    public static String uniqueLogin(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new student who joined the course; returns their token. */
    public static String student(String login) {
        return student(COURSE, login);
    }

    /** A new student who joined {@code course}; returns their token. */
    public static String student(String course, String login) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", address())
                .body(Map.of(
                        "login",
                        login,
                        "name",
                        "Student " + login,
                        "email",
                        login + "@example.org",
                        "password",
                        STUDENT_PASSWORD,
                        "joinCode",
                        joinCode(course)))
                .post("/api/courses/" + course + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
