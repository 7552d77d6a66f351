package dev.syllabus.progress.checklist;

import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A course whose evidence policy counts a student's own tick only as a claim (course.toml: self_ticks = "claim"). */
@QuarkusTest
class ClaimedTicksTest {

    private static final String COURSE = "claimed-course";
    private static final String BASE = "/api/courses/" + COURSE;

    @Test
    void aStudentsOwnTickIsAClaimUntilAnInstructorConfirmsIt() {
        given().get(BASE).then().statusCode(200).body("evidencePolicy.selfTicks", equalTo("CLAIM"));
        String admin = Api.admin();
        String login = Api.uniqueLogin("claimer");
        String student = Api.student(COURSE, login);

        as(student)
                .contentType("application/json")
                .body("{}")
                .put(BASE + "/checklist/H1/OTHER/done")
                .then()
                .statusCode(200);
        as(student)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H1/OTHER' }.done", equalTo(true))
                .body("items.find { it.id == 'H1/OTHER' }.source", equalTo("STUDENT"))
                .body("homework[0].status", equalTo("NOT_STARTED"))
                .body("homework[0].doneItems", equalTo(0))
                .body("completion.done", equalTo(0));
        as(admin)
                .get(BASE + "/cohort")
                .then()
                .statusCode(200)
                .body("find { it.login == '" + login + "' }.ticks.student", equalTo(1))
                .body("find { it.login == '" + login + "' }.homework[0].status", equalTo("NOT_STARTED"));

        // The instructor confirms it: now it counts, and the homework passes.
        as(admin)
                .contentType("application/json")
                .body("{}")
                .put(BASE + "/students/" + login + "/checklist/H1/OTHER/done")
                .then()
                .statusCode(200);
        as(student)
                .get(BASE + "/checklist")
                .then()
                .body("items.find { it.id == 'H1/OTHER' }.source", equalTo("INSTRUCTOR"))
                .body("homework[0].status", equalTo("PASSED"))
                .body("completion.done", equalTo(1));
    }

    @Test
    void theDefaultCourseCountsAStudentsOwnTick() {
        given().get("/api/courses/" + Api.COURSE).then().body("evidencePolicy.selfTicks", equalTo("COUNT"));
    }
}
