package dev.syllabus.lti;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static dev.syllabus.support.LtiBrowser.TOOL;
import static dev.syllabus.support.LtiBrowser.launch;
import static dev.syllabus.support.LtiBrowser.sessionOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.syllabus.support.Api;
import dev.syllabus.support.LtiBrowser;
import dev.syllabus.support.LtiBrowser.Login;
import dev.syllabus.support.MockPlatform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LTI 1.3 registration, login and launch against a platform running in the test (MockPlatform). */
@QuarkusTest
class LtiLaunchTest {

    private MockPlatform platform;
    private String admin;
    private Long registered;

    @BeforeEach
    void start() throws Exception {
        platform = new MockPlatform();
        admin = Api.admin();
    }

    @AfterEach
    void stop() {
        if (registered != null) {
            as(admin).delete("/api/lti/platforms/" + registered).then().statusCode(204);
        }
        platform.close();
    }

    private void registerByHand() {
        registered = LtiBrowser.register(platform, admin);
    }

    private Login login(String target) {
        return LtiBrowser.login(platform, target);
    }

    private Login login() {
        return login(TOOL + "/");
    }

    private JWTClaimsSet.Builder claims(Login login, String subject, String role) {
        return platform.launch(subject, role, "context-" + subject, login.nonce(), TOOL + "/");
    }

    private static String subject() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void dynamicRegistrationRegistersTheToolAndTheDeploymentThePlatformNames() {
        String page = given().queryParam("openid_configuration", platform.openidConfigurationUrl())
                .queryParam("registration_token", platform.registrationToken())
                .get("/api/lti/register")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(page).contains("org.imsglobal.lti.close");

        assertThat(platform.registrations()).hasSize(1);
        JsonNode request = platform.registrations().getFirst();
        assertThat(request.path("initiate_login_uri").asText()).isEqualTo(TOOL + "/api/lti/login");
        assertThat(request.path("redirect_uris").get(0).asText()).isEqualTo(TOOL + "/api/lti/launch");
        assertThat(request.path("jwks_uri").asText()).isEqualTo(TOOL + "/api/lti/jwks");
        assertThat(request.path("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
        assertThat(request.path("scope").asText()).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score");
        JsonNode tool = request.path("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertThat(tool.path("domain").asText()).isEqualTo("localhost");
        assertThat(tool.path("messages").get(0).path("type").asText()).isEqualTo("LtiDeepLinkingRequest");

        JsonNode listed = as(admin)
                .get("/api/lti/platforms")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        JsonNode mine = null;
        for (JsonNode candidate : listed) {
            if (candidate.path("issuer").asText().equals(platform.issuer())) {
                mine = candidate;
            }
        }
        assertThat(mine).isNotNull();
        registered = mine.path("id").asLong();
        assertThat(mine.path("clientId").asText()).isEqualTo(platform.clientId);
        assertThat(mine.path("registeredBy").asText()).isEqualTo("dynamic");
        assertThat(mine.path("deploymentIds").get(0).asText()).isEqualTo(platform.deploymentId);

        // The deployment the registration answer named is known at once: a launch through it works.
        Login login = login();
        sessionOf(launch(
                login,
                platform.sign(claims(login, subject(), MockPlatform.LEARNER).build())));
    }

    @Test
    void aRegistrationThePlatformRefusesIsAPageThatSaysSo() {
        String page = given().queryParam("openid_configuration", platform.openidConfigurationUrl())
                .queryParam("registration_token", "not-the-platforms-token")
                .get("/api/lti/register")
                .then()
                .statusCode(502)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(page).contains("answered 401");
        assertThat(as(admin).get("/api/lti/platforms").jsonPath().getList("issuer"))
                .doesNotContain(platform.issuer());
    }

    @Test
    void theLoginRedirectsToThePlatformWithAOneTimeStateAndNonce() {
        registerByHand();
        Login login = login();
        assertThat(login.query())
                .containsEntry("scope", "openid")
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("prompt", "none")
                .containsEntry("client_id", platform.clientId)
                .containsEntry("redirect_uri", TOOL + "/api/lti/launch")
                .containsEntry("login_hint", "hint-1")
                .containsEntry("lti_message_hint", "message-hint-1");
        assertThat(login.state()).hasSizeGreaterThan(30);
        assertThat(login.nonce()).hasSizeGreaterThan(30).isNotEqualTo(login.state());
        assertThat(login().nonce()).isNotEqualTo(login.nonce());
    }

    @Test
    void aStudentsLaunchSignsThemInEnrolsThemAndBindsThePlatformsCourse() {
        registerByHand();
        String subject = subject();
        Login login = login();
        Response launched = launch(
                login,
                platform.sign(claims(login, subject, MockPlatform.LEARNER).build()));
        String token = sessionOf(launched);
        assertThat(launched.asString()).contains(TOOL + "/checklist#token=");
        assertThat(launched.header("Content-Security-Policy")).contains("frame-ancestors 'self' " + platform.issuer());

        JsonNode me =
                as(token).get("/api/auth/me").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(me.path("login").asText()).startsWith("lti--");
        assertThat(me.path("role").asText()).isEqualTo("STUDENT");
        assertThat(me.path("name").asText()).isEqualTo("Person " + subject);
        as(token).get("/api/courses/" + COURSE + "/checklist").then().statusCode(200);

        JsonNode view = as(admin)
                .get("/api/lti/platforms/" + registered)
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        assertThat(view.path("contexts").get(0).path("contextId").asText()).isEqualTo("context-" + subject);
        assertThat(view.path("contexts").get(0).path("course").asText()).isEqualTo(COURSE);

        // The same platform user launching again is the same account.
        Login again = login();
        String second = sessionOf(launch(
                again,
                platform.sign(claims(again, subject, MockPlatform.LEARNER).build())));
        assertThat(as(second).get("/api/auth/me").jsonPath().getString("login"))
                .isEqualTo(me.path("login").asText());
    }

    private Response launchFrom(String origin, Login login, JWTClaimsSet claims) {
        return given().cookie(login.cookie(), login.secret())
                .header("Origin", origin)
                .contentType(ContentType.URLENC)
                .formParam("id_token", platform.sign(claims))
                .formParam("state", login.state())
                .post("/api/lti/launch");
    }

    private String frameAncestors() {
        return given().get("/api/lti/frame-ancestors")
                .then()
                .statusCode(204)
                .extract()
                .header("Syllabus-Frame-Ancestors");
    }

    @Test
    void aLaunchPostedFromTheSchoolsOwnDomainTheLaunchNamesIsAdmittedAndThatDomainMayFrameTheWebClient() {
        registerByHand();
        String school = "https://school-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        assertThat(frameAncestors()).contains(platform.issuer()).doesNotContain(school);

        // As a hosted Canvas launches: posted from the school's domain, which the launch names as its return URL.
        Login login = login();
        Response launched = launchFrom(
                school,
                login,
                claims(login, subject(), MockPlatform.LEARNER)
                        .claim(
                                MockPlatform.CLAIM + "launch_presentation",
                                Map.of("return_url", school + "/courses/1/external_content/success"))
                        .build());
        sessionOf(launched);
        assertThat(launched.header("Content-Security-Policy")).contains(school);
        assertThat(frameAncestors()).contains(platform.issuer()).contains(school);

        // Once learned, the school's later launches need not name it.
        Login later = login();
        sessionOf(launchFrom(
                school, later, claims(later, subject(), MockPlatform.LEARNER).build()));
    }

    @Test
    void aLaunchPostedFromASiteThatIsNotThePlatformsIsRefusedAndNotLearned() {
        registerByHand();
        for (String origin : List.of("https://elsewhere.example", "https://x.example; script-src *")) {
            Login login = login();
            assertRefused(
                    launchFrom(
                            origin,
                            login,
                            claims(login, subject(), MockPlatform.LEARNER).build()),
                    403,
                    "none of the platform's addresses");
        }
        assertThat(frameAncestors()).doesNotContain("elsewhere.example").doesNotContain("x.example");
    }

    @Test
    void firstLaunchesOfOnePlatformCourseAndUserAtOnceAllSignIn() throws Exception {
        registerByHand();
        String context = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String same = subject();
        List<Callable<Integer>> launches = new ArrayList<>();
        for (String subject : List.of(same, same, subject(), subject())) {
            Login login = login();
            String token =
                    platform.sign(platform.launch(subject, MockPlatform.LEARNER, context, login.nonce(), TOOL + "/")
                            .build());
            launches.add(() -> launch(login, token).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(launches.size());
        try {
            for (Future<Integer> answer : pool.invokeAll(launches)) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(as(admin)
                        .get("/api/lti/platforms/" + registered)
                        .jsonPath()
                        .getList("contexts.findAll { it.contextId == '" + context + "' }"))
                .hasSize(1);
    }

    @Test
    void anInstructorsLaunchOpensTheInstructorsPage() {
        registerByHand();
        Login login = login();
        Response launched = launch(
                login,
                platform.sign(claims(login, subject(), MockPlatform.INSTRUCTOR).build()));
        String token = sessionOf(launched);
        assertThat(launched.asString()).contains(TOOL + "/instructor#token=");
        assertThat(as(token).get("/api/auth/me").jsonPath().getString("role")).isEqualTo("INSTRUCTOR");
        as(token).get("/api/courses/" + COURSE + "/cohort").then().statusCode(200);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        registerByHand();
        Login login = login();
        String forged = MockPlatform.sign(
                claims(login, subject(), MockPlatform.INSTRUCTOR).build(),
                MockPlatform.FORGERS_KEY,
                platform.currentKid());
        assertRefused(launch(login, forged), 401, "signature");
    }

    @Test
    void anUnknownKeyIsLookedForInTheFreshKeysThenRefused() {
        registerByHand();
        Login first = login();
        sessionOf(launch(
                first,
                platform.sign(claims(first, subject(), MockPlatform.LEARNER).build())));
        int fetches = platform.keyFetches();
        Login login = login();
        String unknown = MockPlatform.sign(
                claims(login, subject(), MockPlatform.LEARNER).build(), MockPlatform.FORGERS_KEY, "no-such-kid");
        assertRefused(launch(login, unknown), 401, "no-such-kid");
        assertThat(platform.keyFetches()).isEqualTo(fetches + 1);
    }

    @Test
    void aPlatformThatRotatedItsKeysIsFollowed() {
        registerByHand();
        Login first = login();
        sessionOf(launch(
                first,
                platform.sign(claims(first, subject(), MockPlatform.LEARNER).build())));
        platform.rotateKeys();
        Login login = login();
        sessionOf(launch(
                login,
                platform.sign(claims(login, subject(), MockPlatform.LEARNER).build())));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        registerByHand();
        Login login = login();
        String token = platform.sign(claims(login, subject(), MockPlatform.LEARNER)
                .audience("another-tool")
                .build());
        assertRefused(launch(login, token), 401, "audience");
    }

    @Test
    void anExpiredTokenIsRefused() {
        registerByHand();
        Login login = login();
        Instant past = Instant.now().minusSeconds(900);
        String token = platform.sign(claims(login, subject(), MockPlatform.LEARNER)
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(300)))
                .build());
        assertRefused(launch(login, token), 401, "expired");
    }

    @Test
    void aReplayedTokenOrStateIsRefused() {
        registerByHand();
        Login first = login();
        String token =
                platform.sign(claims(first, subject(), MockPlatform.LEARNER).build());
        sessionOf(launch(first, token));
        // The same form post again: its state is used up.
        assertRefused(launch(first, token), 400, "used already");
        // The token again, through a new login: its nonce is not the new login's.
        assertRefused(launch(login(), token), 401, "nonce");
    }

    @Test
    void anUnknownDeploymentIsRefused() {
        registerByHand();
        Login login = login();
        String token = platform.sign(claims(login, subject(), MockPlatform.LEARNER)
                .claim(MockPlatform.CLAIM + "deployment_id", "deployment-nobody-registered")
                .build());
        assertRefused(launch(login, token), 401, "deployment");
    }

    @Test
    void aStateFromAnotherBrowserIsRefused() {
        registerByHand();
        Login login = login();
        Login other = login();
        String token =
                platform.sign(claims(login, subject(), MockPlatform.LEARNER).build());
        Response withoutCookie = given().contentType(ContentType.URLENC)
                .formParam("id_token", token)
                .formParam("state", login.state())
                .post("/api/lti/launch");
        assertRefused(withoutCookie, 403, "another browser");
        Response otherCookie = given().cookie(login.cookie(), other.secret())
                .contentType(ContentType.URLENC)
                .formParam("id_token", token)
                .formParam("state", other.state())
                .post("/api/lti/launch");
        assertRefused(otherCookie, 403, "another browser");
    }

    @Test
    void aLaunchForAContextBoundToAnotherCourseIsRefused() {
        registerByHand();
        String subject = subject();
        Login first = login(TOOL + "/?course=" + COURSE);
        sessionOf(launch(
                first,
                platform.sign(claims(first, subject, MockPlatform.LEARNER).build())));
        Login login = login(TOOL + "/?course=demo-course");
        String token = platform.sign(claims(login, subject, MockPlatform.LEARNER)
                .claim(MockPlatform.CLAIM + "target_link_uri", TOOL + "/?course=demo-course")
                .build());
        assertRefused(launch(login, token), 403, "bound to the Syllabus course '" + COURSE + "'");
    }

    @Test
    void aLoginFromAnUnknownPlatformOrForAnotherSiteIsRefused() {
        registerByHand();
        given().queryParam("iss", "https://nobody.example")
                .queryParam("login_hint", "x")
                .queryParam("target_link_uri", TOOL + "/")
                .get("/api/lti/login")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML);
        given().redirects()
                .follow(false)
                .queryParam("iss", platform.issuer())
                .queryParam("login_hint", "x")
                .queryParam("target_link_uri", "https://elsewhere.example/")
                .get("/api/lti/login")
                .then()
                .statusCode(400)
                .contentType(ContentType.HTML);
    }

    @Test
    void theToolsPublicKeysAreListedWithoutTheirPrivateParts() {
        JsonNode keys =
                given().get("/api/lti/jwks").then().statusCode(200).extract().as(JsonNode.class);
        JsonNode key = keys.path("keys").get(0);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("kid").asText()).isNotBlank();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void aManualRegistrationIsValidatedAndKeptToInstructors() {
        Map<String, Object> fields = new java.util.HashMap<>(platform.manualRegistration());
        fields.put("jwksUri", "ftp://platform.example/jwks");
        as(admin)
                .contentType(ContentType.JSON)
                .body(fields)
                .post("/api/lti/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("jwksUri"));
        registerByHand();
        as(admin)
                .contentType(ContentType.JSON)
                .body(platform.manualRegistration())
                .post("/api/lti/platforms")
                .then()
                .statusCode(409);
        String student = Api.student(Api.uniqueLogin("lti"));
        as(student).get("/api/lti/platforms").then().statusCode(403);
        given().get("/api/lti/platforms").then().statusCode(401);
    }

    private static void assertRefused(Response answer, int status, String why) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString()).contains(LtiPages.html(why)).doesNotContain("#token=");
    }
}
