package dev.syllabus.lti;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.syllabus.support.Api;
import dev.syllabus.support.LtiBrowser;
import dev.syllabus.support.MockPlatform;
import dev.syllabus.support.WithRegisteredPlatform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Grades back (LTI AGS): a homework's status change reaches the platform course's gradebook, outages or not. */
@QuarkusTest
class LtiGradesTest extends WithRegisteredPlatform {

    /** Long enough for the first retry (5 s, moved by up to a fifth) and its answer. */
    private static final Duration AFTER_A_RETRY = Duration.ofSeconds(20);

    /** A student launched from a platform course of their own; their login. */
    private String student(String subject) {
        String token = LtiBrowser.launched(platform, subject, MockPlatform.LEARNER, "course-" + subject);
        return as(token).get("/api/auth/me").then().statusCode(200).extract().path("login");
    }

    private void review(String login, String decision) {
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", "seen"))
                .post("/api/courses/" + COURSE + "/students/" + login + "/homework/H1/reviews")
                .then()
                .statusCode(201);
    }

    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within " + limit).isTrue();
    }

    @Test
    void aPassPostsItsScoreToTheHomeworksLineItemAndAReopeningClearsIt() throws Exception {
        String subject = "learner-" + UUID.randomUUID().toString().substring(0, 8);
        String login = student(subject);

        review(login, "APPROVED");
        await(() -> platform.scores().size() == 1, Duration.ofSeconds(10));

        assertThat(platform.lineItems()).hasSize(1);
        JsonNode item = platform.lineItems().getFirst();
        assertThat(item.path("resourceId").asText()).isEqualTo("H1");
        assertThat(item.path("label").asText()).startsWith("H1: ");
        assertThat(item.path("scoreMaximum").asInt()).isEqualTo(100);

        MockPlatform.Score passed = platform.scores().getFirst();
        assertThat(passed.lineItem()).isEqualTo(item.path("id").asText());
        assertThat(passed.body().path("userId").asText()).isEqualTo(subject);
        assertThat(passed.body().path("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(passed.body().path("scoreGiven").asInt()).isBetween(0, 100);
        assertThat(passed.body().path("activityProgress").asText()).isEqualTo("Completed");
        assertThat(passed.body().path("gradingProgress").asText()).isEqualTo("FullyGraded");
        assertThat(passed.body().path("timestamp").asText()).isNotBlank();

        // The client-credentials assertion names the tool as the client and the token endpoint as its audience.
        JWTClaimsSet assertion = platform.assertions().getFirst();
        assertThat(assertion.getIssuer()).isEqualTo(platform.clientId);
        assertThat(assertion.getSubject()).isEqualTo(platform.clientId);
        assertThat(assertion.getAudience()).containsExactly(platform.issuer() + "/token");

        review(login, "CHANGES_REQUESTED");
        await(() -> platform.scores().size() == 2, Duration.ofSeconds(10));
        JsonNode reopened = platform.scores().get(1).body();
        assertThat(reopened.has("scoreGiven")).isFalse();
        assertThat(reopened.path("gradingProgress").asText()).isEqualTo("NotReady");
        assertThat(reopened.path("timestamp").asText())
                .isGreaterThan(passed.body().path("timestamp").asText());
        assertThat(platform.lineItems())
                .as("the line item is found again, not made twice")
                .hasSize(1);
        assertThat(platform.scores().get(1).lineItem())
                .isEqualTo(item.path("id").asText());
    }

    @Test
    void anOutageLosesNothingAndTheScoreArrivesOnce() throws Exception {
        String subject = "learner-" + UUID.randomUUID().toString().substring(0, 8);
        String login = student(subject);
        platform.answerScoresWith(503);

        review(login, "APPROVED");
        await(() -> platform.refusedScores() >= 1, Duration.ofSeconds(10));
        assertThat(platform.scores()).isEmpty();

        platform.answerScoresWith(200);
        await(() -> platform.scores().size() == 1, AFTER_A_RETRY);
        Thread.sleep(2_500);
        List<MockPlatform.Score> received = platform.scores();
        assertThat(received).as("sent once, however many attempts it took").hasSize(1);
        assertThat(received.getFirst().body().path("userId").asText()).isEqualTo(subject);
        assertThat(received.getFirst().body().path("gradingProgress").asText()).isEqualTo("FullyGraded");
    }

    @Test
    void aStudentWhoNeverLaunchedIsNotSent() throws Exception {
        String launched = student("learner-" + UUID.randomUUID().toString().substring(0, 8));
        String other = Api.uniqueLogin("plain");
        Api.student(other);

        review(other, "APPROVED");
        review(launched, "APPROVED");
        await(() -> platform.scores().size() == 1, Duration.ofSeconds(10));
        Thread.sleep(1_500);
        assertThat(platform.scores()).hasSize(1);
    }

    @Test
    void theInstructorSeesEachScoresDeliveryWithThePlatformsAnswerAndCanSendItAgain() throws Exception {
        String scores = "/api/courses/" + COURSE + "/lti/scores";
        String subject = "learner-" + UUID.randomUUID().toString().substring(0, 8);
        String login = student(subject);
        platform.answerScoresWith(503);
        review(login, "APPROVED");
        await(() -> platform.refusedScores() >= 1, Duration.ofSeconds(10));
        await(
                () -> as(admin)
                        .queryParam("status", "FAILED")
                        .queryParam("size", 100)
                        .get(scores)
                        .jsonPath()
                        .getList("student")
                        .contains(login),
                Duration.ofSeconds(5));

        Map<String, Object> failed = as(admin)
                .queryParam("status", "FAILED")
                .queryParam("size", 100)
                .get(scores)
                .then()
                .statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .extract()
                .jsonPath()
                .getMap("find { it.student == '" + login + "' }");
        assertThat(failed)
                .containsEntry("homework", "H1")
                .containsEntry("status", "FAILED")
                .containsEntry("lastStatus", 503)
                .containsEntry("platformCourse", "Course course-" + subject);
        assertThat((String) failed.get("lastError")).contains("HTTP 503");
        assertThat(((Number) failed.get("scoreGiven")).doubleValue()).isBetween(0.0, 100.0);
        int id = (Integer) failed.get("id");

        platform.answerScoresWith(200);
        as(admin)
                .post(scores + "/" + id + "/resend")
                .then()
                .statusCode(202)
                .body("id", org.hamcrest.Matchers.equalTo(id));
        await(() -> platform.scores().size() == 1, Duration.ofSeconds(5));
        await(
                () -> "SENT"
                        .equals(as(admin)
                                .get(scores + "?status=SENT&size=100")
                                .jsonPath()
                                .getString("find { it.id == " + id + " }.status")),
                Duration.ofSeconds(5));

        // A score the platform has is sent once more when asked (the platform may have lost it).
        as(admin)
                .post(scores + "/" + id + "/resend")
                .then()
                .statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        await(() -> platform.scores().size() == 2, Duration.ofSeconds(5));
        assertThat(platform.scores().get(1).body())
                .isEqualTo(platform.scores().get(0).body());

        as(admin).post(scores + "/999999999/resend").then().statusCode(404);
        as(admin)
                .get(scores + "?status=LOST")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("status"));
        as(LtiBrowser.launched(platform, subject + "x", MockPlatform.LEARNER, "course-" + subject))
                .get(scores)
                .then()
                .statusCode(403);
    }
}
