package dev.syllabus.lti;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static dev.syllabus.support.LtiBrowser.TOOL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.syllabus.support.LtiBrowser;
import dev.syllabus.support.LtiBrowser.Login;
import dev.syllabus.support.MockPlatform;
import dev.syllabus.support.WithRegisteredPlatform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deep linking (LTI Deep Linking 2.0): an instructor launched to place homework picks it in the web
 * client; the tool's signed answer, carried back by the browser, makes the platform's links and
 * gradebook columns, and a later pass lands in the column the deep link made.
 */
@QuarkusTest
class LtiDeepLinkingTest extends WithRegisteredPlatform {

    private static final Pattern PICKER = Pattern.compile(
            "/instructor/deep-link\\?course=([a-z0-9-]+)&request=([A-Za-z0-9_-]+)#token=([A-Za-z0-9_-]+)&");
    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\"><input type=\"hidden\"" + " name=\"JWT\" value=\"([^\"]+)\">");

    private String context;

    /** What the launch handed the web client's picker: the request and the instructor's session. */
    private record Picker(String course, String request, String session) {}

    @BeforeEach
    void trustTheTool() {
        platform.trustToolKeysAt("http://localhost:" + RestAssured.port + "/api/lti/jwks");
        context = "dl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response deepLinkingLaunch(String subject, String role) {
        Login login = LtiBrowser.login(platform, TOOL + "/instructor");
        return LtiBrowser.launch(
                login,
                platform.sign(platform.deepLinking(subject, role, context, login.nonce(), TOOL + "/instructor")
                        .build()));
    }

    private Picker picker(Response launched) {
        assertThat(launched.statusCode()).as(launched.asString()).isEqualTo(200);
        Matcher found = PICKER.matcher(launched.asString());
        assertThat(found.find()).as(launched.asString()).isTrue();
        return new Picker(found.group(1), found.group(2), found.group(3));
    }

    private static Response pick(Picker picker, String session, String... homework) {
        var request = given().contentType(ContentType.URLENC)
                .formParam("request", picker.request())
                .formParam("session", session);
        for (String code : homework) {
            request.formParam("homework", code);
        }
        return request.post("/api/lti/deep-links");
    }

    /** Posts the answer page's form to the platform, as the page's script does; the address it went to. */
    private String carryBack(Response answered) {
        Matcher form = FORM.matcher(answered.asString());
        assertThat(form.find()).as(answered.asString()).isTrue();
        given().baseUri(platform.issuer())
                .contentType(ContentType.URLENC)
                .formParam("JWT", form.group(2))
                .post(form.group(1).substring(platform.issuer().length()))
                .then()
                .statusCode(200);
        return form.group(1);
    }

    @Test
    void anInstructorsPickBecomesSignedLinksWithGradeColumnsAndAPassLandsInOne() throws Exception {
        Picker picker = picker(deepLinkingLaunch("teacher-" + context, MockPlatform.INSTRUCTOR));
        assertThat(picker.course()).isEqualTo(COURSE);

        Response answered = pick(picker, picker.session(), "H2", "H1");
        assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(200);
        assertThat(answered.header("Content-Security-Policy"))
                .contains("form-action " + platform.issuer())
                .contains("frame-ancestors 'self' " + platform.issuer());
        // The browser posts the answer to the platform, which checks it against the tool's published keys.
        assertThat(carryBack(answered)).isEqualTo(platform.deepLinkReturnUrl(context));
        JWTClaimsSet answer = platform.deepLinkAnswers().getFirst();
        assertThat(answer.getClaim(MockPlatform.CLAIM + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(answer.getClaim(MockPlatform.CLAIM + "deployment_id")).isEqualTo(platform.deploymentId);
        assertThat(answer.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
                .isEqualTo("opaque-" + context);
        assertThat(answer.getExpirationTime()).isAfter(answer.getIssueTime());

        // One link and one column per homework, in the course's order.
        assertThat(platform.lineItems())
                .extracting(item -> item.path("resourceId").asText())
                .containsExactly("H1", "H2");
        assertThat(platform.lineItems()).allSatisfy(item -> {
            assertThat(item.path("scoreMaximum").asInt()).isEqualTo(100);
            assertThat(item.path("label").asText())
                    .startsWith(item.path("resourceId").asText() + ": ");
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                answer.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertThat(items)
                .extracting(item -> item.get("url"))
                .containsExactly(TOOL + "/homework/H1?course=" + COURSE, TOOL + "/homework/H2?course=" + COURSE);

        // The request is answered: a second pick is refused, the platform gets nothing more.
        Response again = pick(picker, picker.session(), "H3");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.asString()).contains("answered already");

        // A student of that platform course passes H1: the score goes to the column the deep link made.
        String subject = "learner-" + context;
        String student = LtiBrowser.launched(platform, subject, MockPlatform.LEARNER, context);
        String login = as(student).get("/api/auth/me").then().extract().path("login");
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "seen"))
                .post("/api/courses/" + COURSE + "/students/" + login + "/homework/H1/reviews")
                .then()
                .statusCode(201);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (platform.scores().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(platform.scores()).hasSize(1);
        JsonNode h1 = platform.lineItems().getFirst();
        assertThat(platform.scores().getFirst().lineItem())
                .isEqualTo(h1.path("id").asText());
        assertThat(platform.lineItems()).as("no column made twice").hasSize(2);
    }

    @Test
    void cancellingAnswersAnEmptyPick() {
        Picker picker = picker(deepLinkingLaunch("teacher-" + context, MockPlatform.INSTRUCTOR));
        Response answered = given().contentType(ContentType.URLENC)
                .formParam("request", picker.request())
                .formParam("session", picker.session())
                .formParam("cancel", "")
                .post("/api/lti/deep-links");
        carryBack(answered);
        assertThat((List<?>) platform.deepLinkAnswers()
                        .getFirst()
                        .getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"))
                .isEmpty();
        assertThat(platform.lineItems()).isEmpty();
    }

    @Test
    void aStudentCannotPlaceHomework() {
        Response refused = deepLinkingLaunch("learner-" + context, MockPlatform.LEARNER);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.asString()).contains("Only an instructor");
    }

    @Test
    void aPickIsRefusedWithoutTheLaunchingInstructorsSessionOrWithHomeworkTheCourseLacks() {
        Picker picker = picker(deepLinkingLaunch("teacher-" + context, MockPlatform.INSTRUCTOR));

        Response nobody = pick(picker, "not-a-session", "H1");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.asString()).contains("session has ended");

        Response someoneElse = pick(picker, admin, "H1");
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(someoneElse.asString()).contains("another instructor");

        Response none = pick(picker, picker.session());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.asString()).contains("at least one homework");

        Response unknown = pick(picker, picker.session(), "H1", "H99");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.asString()).contains("H99");

        // None of the refusals used the request up.
        assertThat(pick(picker, picker.session(), "H1").statusCode()).isEqualTo(200);
    }
}
