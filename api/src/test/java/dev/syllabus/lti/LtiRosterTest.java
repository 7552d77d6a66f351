package dev.syllabus.lti;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.support.Api;
import dev.syllabus.support.LtiBrowser;
import dev.syllabus.support.MockPlatform;
import dev.syllabus.support.WithRegisteredPlatform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Roster in (LTI NRPS): an instructor syncs the course's students from the platform course. */
@QuarkusTest
class LtiRosterTest extends WithRegisteredPlatform {

    private static final String SYNC = "/api/courses/" + COURSE + "/lti/memberships";

    private JsonPath sync() {
        return as(admin).post(SYNC).then().statusCode(200).extract().jsonPath();
    }

    /** Whether the instructor finds {@code login} among the course's students. */
    private boolean enrolled(String login) {
        return as(admin)
                        .get("/api/courses/" + COURSE + "/students/" + login + "/checklist")
                        .statusCode()
                == 200;
    }

    @Test
    void aSyncEnrolsThePlatformsLearnersAndFlagsThoseWhoLeftWithoutDeletingThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String context = "roster-" + suffix;
        LtiBrowser.launched(platform, "teacher-" + suffix, MockPlatform.INSTRUCTOR, context);
        String a = "a-" + suffix;
        String b = "b-" + suffix;
        String c = "c-" + suffix;
        platform.roster(
                context,
                List.of(
                        MockPlatform.member(a, MockPlatform.LEARNER, true),
                        MockPlatform.member(b, MockPlatform.LEARNER, true),
                        MockPlatform.member("teacher-" + suffix, MockPlatform.INSTRUCTOR, true),
                        MockPlatform.member(c, MockPlatform.LEARNER, true),
                        MockPlatform.member("d-" + suffix, MockPlatform.LEARNER, false)));

        JsonPath first = sync();
        assertThat(first.getList("added.name")).containsExactlyInAnyOrder("Person " + a, "Person " + b, "Person " + c);
        assertThat(first.getList("flagged")).isEmpty();
        assertThat(first.getInt("listed")).as("every page was read").isEqualTo(5);
        List<String> added = first.getList("added.login", String.class);
        assertThat(added).allMatch(this::enrolled);

        // The platform's user launching later is the account the sync made.
        String launched = LtiBrowser.launched(platform, a, MockPlatform.LEARNER, context);
        assertThat(added).contains(as(launched).get("/api/auth/me").jsonPath().getString("login"));

        platform.roster(
                context,
                List.of(
                        MockPlatform.member(a, MockPlatform.LEARNER, true),
                        MockPlatform.member(c, MockPlatform.LEARNER, false)));
        JsonPath second = sync();
        assertThat(second.getList("added")).isEmpty();
        assertThat(second.getList("flagged.name")).containsExactlyInAnyOrder("Person " + b, "Person " + c);
        assertThat(added).as("flagged, never taken out").allMatch(this::enrolled);

        assertThat(sync().getList("flagged")).as("flagged once").isEmpty();
        assertThat(as(admin)
                        .get("/api/lti/platforms/" + registered)
                        .jsonPath()
                        .getInt("contexts.find { it.contextId == '" + context + "' }.syncedMembers"))
                .isEqualTo(2);
    }

    @Test
    void aCourseNoPlatformCourseIsBoundToHasNothingToSync() {
        as(admin).post("/api/courses/demo-course/lti/memberships").then().statusCode(409);
        as(Api.student(Api.uniqueLogin("nrps"))).post(SYNC).then().statusCode(403);
    }

    @Test
    void anInstructorMovesAPlatformCourseToAnotherRunAndLaterLaunchesEnrolThere() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String context = "move-" + suffix;
        LtiBrowser.launched(platform, "teacher-" + suffix, MockPlatform.INSTRUCTOR, context);
        String run = "spring-" + suffix;
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Spring", "start", "2027-02-01", "timeZone", "UTC"))
                .put("/api/courses/" + COURSE + "/runs/" + run)
                .then()
                .statusCode(201);
        int id = as(admin)
                .get("/api/lti/platforms/" + registered)
                .jsonPath()
                .getInt("contexts.find { it.contextId == '" + context + "' }.id");
        String binding = "/api/courses/" + COURSE + "/lti/contexts/" + id;

        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("run", run))
                .put(binding)
                .then()
                .statusCode(200)
                .body("run", equalTo(run))
                .body("contextId", equalTo(context));
        String student = LtiBrowser.launched(platform, "s-" + suffix, MockPlatform.LEARNER, context);
        as(student)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .body("run.name", equalTo(run));

        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("run", "no-such-run"))
                .put(binding)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("run"));
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("run", run))
                .put("/api/courses/demo-course/lti/contexts/" + id)
                .then()
                .statusCode(404);
        as(student)
                .contentType(ContentType.JSON)
                .body(Map.of("run", run))
                .put(binding)
                .then()
                .statusCode(403);
    }
}
