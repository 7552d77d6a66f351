package dev.syllabus.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.syllabus.support.Api;
import dev.syllabus.support.GithubDeliveries;
import dev.syllabus.support.GithubSignInProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in with GitHub through HTTP, against a fake GitHub: the whole OAuth dance and what it must refuse. */
@QuarkusTest
@TestProfile(GithubSignInProfile.class)
class GithubSignInTest {

    private static final String WEB = "http://web.example.test";
    private WireMock github;

    @BeforeEach
    void fakeGithub() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("syllabus.github.api-url", String.class));
        github = new WireMock(url.getHost(), url.getPort());
        github.resetMappings();
        github.resetRequests();
    }

    /** GitHub as it behaves when the person allows the sign-in: a token for the code, then who they are. */
    private void githubKnows(long id, String login) {
        github.register(post(urlPathEqualTo("/login/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"gho_" + id + "\",\"token_type\":\"bearer\"}")));
        github.register(get(urlPathEqualTo("/user"))
                .withHeader("Authorization", equalTo("Bearer gho_" + id))
                .willReturn(okJson("{\"id\":" + id + ",\"login\":\"" + login + "\",\"name\":\"Name of " + login
                        + "\",\"email\":null}")));
    }

    /** A sign-in under way in one browser: the query GitHub's authorization page was sent, and the binding cookie. */
    record Started(Map<String, String> authorize, String cookie) {
        String state() {
            return authorize.get("state");
        }
    }

    /** Starts a sign-in and returns the query GitHub's authorization page was sent. */
    private static Map<String, String> startSignIn(String redirect) {
        Started started = start(redirect, null);
        LAST_BROWSER.set(started.cookie());
        return started.authorize();
    }

    private static Started start(String redirect, String nonce) {
        var request = given().redirects().follow(false).queryParam("redirect", redirect);
        if (nonce != null) {
            request.queryParam("nonce", nonce);
        }
        Response start = request.get("/api/auth/github/login");
        assertThat(start.statusCode()).isEqualTo(302);
        URI location = URI.create(start.header("Location"));
        assertThat(location.getPath()).isEqualTo("/login/oauth/authorize");
        return new Started(query(location.getRawQuery()), bindingCookie(start));
    }

    /** The binding cookie a start set: HttpOnly, SameSite=Lax, for the callback's path only. */
    private static String bindingCookie(Response start) {
        String header = start.header("Set-Cookie");
        assertThat(header)
                .startsWith(GithubSignInResource.BINDING_COOKIE + "=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Path=/api/auth/github");
        return start.getCookie(GithubSignInResource.BINDING_COOKIE);
    }

    /** GitHub brings the browser that started the sign-in back. */
    private static Response callback(String query) {
        return callback(query, LAST_BROWSER.get());
    }

    private static Response callback(String query, String cookie) {
        var request = given().redirects().follow(false);
        if (cookie != null) {
            request.cookie(GithubSignInResource.BINDING_COOKIE, cookie);
        }
        return request.get("/api/auth/github/callback?" + query);
    }

    /** The binding cookie of the sign-in the test started last, as its browser would send it back. */
    private static final ThreadLocal<String> LAST_BROWSER = new ThreadLocal<>();

    private static String signIn(WireMock github, long id, String login) {
        Started started = start("/checklist", null);
        Response back = callback("code=the-code&state=" + started.state(), started.cookie());
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.header("Location");
        assertThat(location).startsWith(WEB + "/checklist#token=");
        return location.substring(location.indexOf("#token=") + "#token=".length());
    }

    /** A sign-in GitHub answers as {@code id}, {@code login}, through the callback in the browser that started it. */
    private Response signInAnswer(long id, String login) {
        github.resetMappings();
        githubKnows(id, login);
        Started started = start("/checklist", null);
        return callback("code=the-code&state=" + started.state(), started.cookie());
    }

    private static Map<String, String> query(String raw) {
        return Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static boolean accountExists(String login) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AccountEntity.findByLogin(login).isPresent());
    }

    @Test
    void signingInWithGithubUsesStateAndPkceAndLandsOnTheWebClientWithATokenInTheFragment() {
        String login = Api.uniqueLogin("octo");
        githubKnows(5001, login);
        Map<String, String> authorize = startSignIn("/checklist");
        assertThat(authorize)
                .containsEntry("client_id", "test-client-id")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", WEB + "/api/auth/github/callback")
                .containsKeys("state", "code_challenge");

        Response back = callback("code=the-code&state=" + authorize.get("state"));
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.header("Location");
        assertThat(location).startsWith(WEB + "/checklist#token=").doesNotContain("?");
        String token = location.substring(location.indexOf("#token=") + 7);

        String verifier = query(github.find(postRequestedFor(urlPathEqualTo("/login/oauth/access_token")))
                        .get(0)
                        .getBodyAsString())
                .get("code_verifier");
        assertThat(Pkce.challenge(verifier))
                .as("the verifier GitHub got matches the challenge it saw first")
                .isEqualTo(authorize.get("code_challenge"));
        as(token)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("login", Matchers.equalTo(login))
                .body("verified", Matchers.equalTo(true))
                .body("role", Matchers.equalTo("STUDENT"));
        given().get("/api/auth/providers").then().statusCode(200).body("github", Matchers.equalTo(true));
    }

    @Test
    void aWrongOrReusedStateGetsAProblemAndNoToken() {
        githubKnows(5002, Api.uniqueLogin("reuse"));
        Map<String, String> authorize = startSignIn("/checklist");
        callback("code=c&state=not-a-state-we-issued")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", Matchers.equalTo("state"));
        callback("code=c&state=" + authorize.get("state")).then().statusCode(302);
        callback("code=c&state=" + authorize.get("state"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header("Location", Matchers.nullValue());
        callback("code=c").then().statusCode(400);
    }

    @Test
    void refusedConsentAndGithubBeingDownGetClearProblemsAndCreateNothing() {
        String refused = Api.uniqueLogin("refused");
        githubKnows(5003, refused);
        Map<String, String> authorize = startSignIn("/checklist");
        callback("error=access_denied&error_description=The+user+has+denied+your+application+access.&state="
                        + authorize.get("state"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", Matchers.containsString("access_denied"));
        assertThat(accountExists(refused)).isFalse();

        String unlucky = Api.uniqueLogin("down");
        github.register(post(urlPathEqualTo("/login/oauth/access_token"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        callback("code=c&state=" + startSignIn("/checklist").get("state"))
                .then()
                .statusCode(502)
                .contentType("application/problem+json");
        github.register(post(urlPathEqualTo("/login/oauth/access_token"))
                .willReturn(aResponse().withStatus(503)));
        callback("code=c&state=" + startSignIn("/checklist").get("state"))
                .then()
                .statusCode(502);
        github.register(post(urlPathEqualTo("/login/oauth/access_token"))
                .willReturn(okJson("{\"error\":\"bad_verification_code\"}")));
        callback("code=c&state=" + startSignIn("/checklist").get("state"))
                .then()
                .statusCode(403)
                .body("detail", Matchers.containsString("bad_verification_code"));
        assertThat(accountExists(unlucky)).isFalse();
    }

    @Test
    void onlySameOriginPathsAreHonouredAsRedirects() {
        for (String bad :
                new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"}) {
            given().redirects()
                    .follow(false)
                    .queryParam("redirect", bad)
                    .get("/api/auth/github/login")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", Matchers.equalTo("redirect"));
        }
    }

    @Test
    void theAccountIsKeyedByGithubsIdSoARenamedLoginFollows() {
        String before = Api.uniqueLogin("before");
        String after = Api.uniqueLogin("after");
        githubKnows(5004, before);
        String first = signIn(github, 5004, before);
        github.resetMappings();
        githubKnows(5004, after);
        String second = signIn(github, 5004, after);
        as(second).get("/api/auth/me").then().statusCode(200).body("login", Matchers.equalTo(after));
        as(first).get("/api/auth/me").then().statusCode(200).body("login", Matchers.equalTo(after));
        assertThat(accountExists(before)).isFalse();
    }

    @Test
    void aGithubAccountJoinsWithItsTokenAndTheJoinCodeAloneAndIsVerifiedEverywhere() {
        String login = Api.uniqueLogin("joiner");
        githubKnows(5005, login);
        String token = signIn(github, 5005, login);
        String joined = as(token)
                .contentType("application/json")
                .body(Map.of("joinCode", Api.joinCode()))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        as(joined)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .body("student", Matchers.equalTo(login))
                .body("verified", Matchers.equalTo(true));
        String admin = Api.admin();
        as(admin)
                .queryParam("size", 100)
                .get("/api/courses/" + COURSE + "/cohort")
                .then()
                .statusCode(200)
                .body("find { it.login == '" + login + "' }.verified", Matchers.equalTo(true));
        assertThat(as(admin)
                        .accept("text/csv")
                        .get("/api/courses/" + COURSE + "/cohort")
                        .asString())
                .contains(login + ",\"Name of " + login + "\",,true,");
    }

    @Test
    void githubSettlesWhoALoginBelongsToRosteredOrTakenByPassword() {
        String rostered = Api.uniqueLogin("rostered");
        String admin = Api.admin();
        as(admin)
                .contentType("text/csv")
                .body("login,name,email\n" + rostered + ",Rostered,\n")
                .post("/api/courses/" + COURSE + "/roster")
                .then()
                .statusCode(200);
        githubKnows(5006, rostered);
        String token = signIn(github, 5006, rostered);
        as(token)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .body("verified", Matchers.equalTo(true));

        String victim = Api.uniqueLogin("victim");
        String squatter = Api.student(victim);
        githubKnows(5007, victim);
        signIn(github, 5007, victim);
        as(squatter).get("/api/auth/me").then().statusCode(401);
        given().contentType("application/json")
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", victim, "password", Api.STUDENT_PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(401);
    }

    @Test
    void whereGithubSignInIsOnOnlyAProvenLoginRegistersARepository() {
        String passwordStudent = Api.uniqueLogin("unproven");
        String unproven = Api.student(passwordStudent);
        as(unproven)
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + passwordStudent + "/course"))
                .put("/api/courses/" + COURSE + "/repository")
                .then()
                .statusCode(403)
                .body("detail", Matchers.containsString("Sign in with GitHub first"));

        String login = Api.uniqueLogin("proven");
        githubKnows(5008, login);
        String token = signIn(github, 5008, login);
        String joined = as(token)
                .contentType("application/json")
                .body(Map.of("joinCode", Api.joinCode()))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        as(joined)
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + login + "/course"))
                .put("/api/courses/" + COURSE + "/repository")
                .then()
                .statusCode(200);
    }

    @Test
    void evidenceCountsOnlyForPullRequestsTheStudentsGithubIdOpenedAndApprovalsOfProvenInstructors() {
        String login = Api.uniqueLogin("proven-pr");
        githubKnows(5010, login);
        String token = as(signIn(github, 5010, login))
                .contentType("application/json")
                .body(Map.of("joinCode", Api.joinCode()))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("token");
        String repo = login + "/course";
        as(token)
                .contentType("application/json")
                .body(Map.of("url", "https://github.com/" + repo))
                .put("/api/courses/" + COURSE + "/repository")
                .then()
                .statusCode(200);
        String sha = "6".repeat(40);

        // Someone else (GitHub user 9) under the student's login: the name matches, the id does not.
        Map<String, String> impostor = GithubDeliveries.merged(
                GithubDeliveries.pullRequest(login, repo, 1, "opened", sha, "2026-11-20T10:00:00Z", false),
                "2026-11-20T11:00:00Z");
        GithubDeliveries.deliver(
                "pull_request",
                GithubDeliveries.fixture("pull_request", impostor).replace("\"id\": 583231", "\"id\": 9"));
        GithubDeliveries.deliver(
                        "check_suite", GithubDeliveries.checkSuite(login, repo, sha, "success", "[{\"number\": 1}]"))
                .then()
                .statusCode(200)
                .body("detail", Matchers.containsString("not by the repository's student"));
        assertThat(itemDone(token, "H2/PR1")).isFalse();

        // The instructor "admin" signed in with a password: their login is not proven, so their approval does not
        // count.
        String next = "7".repeat(40);
        Map<String, String> own =
                GithubDeliveries.pullRequest(login, repo, 2, "opened", next, "2026-11-20T12:00:00Z", false);
        GithubDeliveries.deliver(
                "pull_request",
                GithubDeliveries.fixture("pull_request", own).replace("\"id\": 583231", "\"id\": 5010"));
        GithubDeliveries.deliver(
                        "pull_request_review",
                        GithubDeliveries.review(
                                login, repo, 2, "approved", next, next, "2026-11-20T12:30:00Z", "[H2/PR1] Dockerfile"))
                .then()
                .statusCode(200)
                .body("outcome", Matchers.equalTo("IGNORED"))
                .body("detail", Matchers.containsString("not course staff"));

        GithubDeliveries.deliver(
                "check_suite", GithubDeliveries.checkSuite(login, repo, next, "success", "[{\"number\": 2}]"));
        GithubDeliveries.deliver(
                        "pull_request",
                        GithubDeliveries.fixture("pull_request", GithubDeliveries.merged(own, "2026-11-20T13:00:00Z"))
                                .replace("\"id\": 583231", "\"id\": 5010"))
                .then()
                .statusCode(200)
                .body("detail", Matchers.containsString("H2/PR1 done"));
        assertThat(itemDone(token, "H2/PR1")).isTrue();
    }

    @Test
    void aBrowserRefusedAtTheCallbackLandsOnTheSignInPageWithTheReasonNotOnABareDocument() {
        String refused = Api.uniqueLogin("refused-html");
        githubKnows(5004, refused);
        Map<String, String> authorize = startSignIn("/checklist");
        Response back = given().redirects()
                .follow(false)
                .cookie(GithubSignInResource.BINDING_COOKIE, LAST_BROWSER.get())
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get("/api/auth/github/callback?error=access_denied&state=" + authorize.get("state"));

        back.then().statusCode(302).header("Set-Cookie", Matchers.containsString("Max-Age=0"));
        String location = back.header("Location");
        assertThat(location).startsWith(WEB + "/signin#github-error=").doesNotContain("token=");
        assertThat(java.net.URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8))
                .contains("access_denied");
        assertThat(accountExists(refused)).isFalse();
    }

    @Test
    void aCallbackInAnotherBrowserThanTheOneThatStartedIssuesNoToken() {
        String login = Api.uniqueLogin("csrf");
        githubKnows(5101, login);
        // The attacker starts a sign-in and sends the victim the callback address with their state and code.
        Started attackers = start("/checklist", null);
        for (String victimsCookie : new String[] {null, "a-cookie-the-attacker-does-not-have"}) {
            callback("code=the-code&state=" + attackers.state(), victimsCookie)
                    .then()
                    .statusCode(Matchers.oneOf(400, 403))
                    .contentType("application/problem+json")
                    .header("Location", Matchers.nullValue());
        }
        Started own = start("/checklist", null);
        callback("code=the-code&state=" + own.state(), "not-" + own.cookie())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", Matchers.equalTo("state"))
                .body("detail", Matchers.containsString("another browser"));
        assertThat(accountExists(login)).as("nothing was signed in or created").isFalse();
    }

    @Test
    void theTabsNonceComesBackInTheFragmentBesideTheToken() {
        String login = Api.uniqueLogin("nonce");
        githubKnows(5102, login);
        String nonce = "tab-nonce-0123456789abcdef";
        Started started = start("/agenda", nonce);
        String location = callback("code=c&state=" + started.state(), started.cookie())
                .then()
                .statusCode(302)
                .header("Set-Cookie", Matchers.containsString("Max-Age=0"))
                .extract()
                .header("Location");
        assertThat(location).startsWith(WEB + "/agenda#token=").endsWith("&nonce=" + nonce);
        given().redirects()
                .follow(false)
                .queryParam("nonce", "short")
                .get("/api/auth/github/login")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("nonce"));
    }

    @Test
    void aGithubUserWhoseLoginIsTheInstructorsDoesNotBecomeTheInstructor() {
        // "admin" is a real github.com account; it is also the default SYLLABUS_ADMIN_LOGIN.
        signInAnswer(5103, "admin")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", Matchers.containsString("Link your GitHub account"));
        instructorIsIntact();
    }

    @Test
    void aStudentWhoRenamesOntoTheInstructorsLoginIsRefusedAndTheInstructorStays() {
        String login = Api.uniqueLogin("renamer");
        githubKnows(5104, login);
        String student = signIn(github, 5104, login);
        String instructorsToken = Api.admin();
        signInAnswer(5104, "admin").then().statusCode(409).contentType("application/problem+json");
        instructorIsIntact();
        as(instructorsToken).get("/api/auth/me").then().statusCode(200).body("login", Matchers.equalTo("admin"));
        as(student).get("/api/auth/me").then().statusCode(200).body("login", Matchers.equalTo(login));
    }

    private static void instructorIsIntact() {
        as(Api.admin())
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("login", Matchers.equalTo("admin"))
                .body("role", Matchers.equalTo("INSTRUCTOR"));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> AccountEntity.findByLogin("admin").map(a -> a.githubId)))
                .as("the instructor stays unlinked, under its login")
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AccountEntity.count("login like 'unverified-%'")))
                .as("nobody was pushed aside")
                .isZero();
    }

    @Test
    void aPasswordAccountLinksItsGithubAccountAndKeepsItsPasswordTokensAndTicks() {
        String login = Api.uniqueLogin("linker");
        String token = Api.student(login);
        tick(token, "setup/setup-github-repo");
        githubKnows(5105, login);
        String nonce = "link-nonce-0123456789abcdef";
        Response link = as(token)
                .queryParam("redirect", "/checklist")
                .queryParam("nonce", nonce)
                .post("/api/auth/github/link");
        link.then().statusCode(200).body("location", Matchers.startsWith(githubUrl() + "/login/oauth/authorize?"));
        String state = query(URI.create(link.path("location")).getRawQuery()).get("state");
        callback("code=c&state=" + state, bindingCookie(link))
                .then()
                .statusCode(302)
                .header("Location", Matchers.equalTo(WEB + "/checklist#linked=github&nonce=" + nonce));
        as(token)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("login", Matchers.equalTo(login))
                .body("verified", Matchers.equalTo(true));
        assertThat(itemDone(token, "setup/setup-github-repo")).isTrue();
        Api.login(login, Api.STUDENT_PASSWORD);
        // Signing in with GitHub now finds the same account, checklist and all.
        assertThat(itemDone(signIn(github, 5105, login), "setup/setup-github-repo"))
                .isTrue();
    }

    @Test
    void linkingIsForSignedInAccountsAndRefusesAGithubAccountLinkedElsewhere() {
        given().post("/api/auth/github/link").then().statusCode(401);
        String taken = Api.uniqueLogin("taken");
        githubKnows(5106, taken);
        signIn(github, 5106, taken);
        String other = Api.student(Api.uniqueLogin("other"));
        Response link = as(other).post("/api/auth/github/link");
        String state = query(URI.create(link.path("location")).getRawQuery()).get("state");
        callback("code=c&state=" + state, bindingCookie(link))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", Matchers.containsString("linked to another Syllabus account"));
    }

    @Test
    void aRenamedLoginsNewHolderGetsAnAccountOfTheirOwnAndNoLoginIsUnusable() {
        String login = Api.uniqueLogin("handed-on");
        String renamed = Api.uniqueLogin("moved-on");
        String first = signInNow(5107, login);
        // GitHub user 5107 renamed away; GitHub handed the login to user 5108.
        String second = signInNow(5108, login);
        as(second).get("/api/auth/me").then().statusCode(200).body("login", Matchers.equalTo(login));
        as(first).get("/api/auth/me").then().statusCode(200).body("login", Matchers.not(login));
        // The old holder's account is theirs again under their new login, and the old rename scheme's name is free.
        assertThat(signInNow(5107, renamed)).isNotEmpty();
        as(first).get("/api/auth/me").then().statusCode(200).body("login", Matchers.equalTo(renamed));
        as(signInNow(5109, "gh-5107"))
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("login", Matchers.equalTo("gh-5107"));
    }

    /** GitHub now knows user {@code id} as {@code login}, who signs in: their token. */
    private String signInNow(long id, String login) {
        github.resetMappings();
        githubKnows(id, login);
        return signIn(github, id, login);
    }

    @Test
    void githubClaimingASquattedLoginLeavesTheSquatterNothing() {
        String victim = Api.uniqueLogin("claimed");
        String squatter = Api.student(victim);
        tick(squatter, "setup/setup-github-repo");
        String feed = as(squatter)
                .post("/api/courses/" + COURSE + "/checklist/calendar-url")
                .then()
                .statusCode(200)
                .extract()
                .path("calendarUrl");
        githubKnows(5110, victim);
        String owner = signIn(github, 5110, victim);
        as(squatter).get("/api/auth/me").then().statusCode(401);
        as(owner).get("/api/auth/me").then().statusCode(200).body("email", Matchers.nullValue());
        assertThat(itemDone(owner, "setup/setup-github-repo"))
                .as("the squatter's own tick does not stay")
                .isFalse();
        given().get(feed.replaceFirst("^https?://[^/]+", "")).then().statusCode(404);
    }

    @Test
    void aGithubClaimVoidsTheInvitesOfTheRosteredAccountAndInvitesArePasswordlessHere() {
        String ada = Api.uniqueLogin("invited");
        String admin = Api.admin();
        as(admin)
                .contentType("text/csv")
                .body("login,name,email\n" + ada + ",Ada,\n")
                .post("/api/courses/" + COURSE + "/roster")
                .then()
                .statusCode(200);
        String invite = as(admin)
                .post("/api/courses/" + COURSE + "/roster/invites")
                .asString()
                .lines()
                .filter(line -> line.startsWith(ada + ","))
                .findFirst()
                .orElseThrow()
                .split(",")[2];
        // Where GitHub can prove the login, a password never binds a rostered account.
        given().contentType("application/json")
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", ada, "password", "a password of ada's", "inviteCode", invite))
                .post("/api/courses/" + COURSE + "/enrollments")
                .then()
                .statusCode(403)
                .body("errors[0].field", Matchers.equalTo("inviteCode"));
        githubKnows(5111, ada);
        signIn(github, 5111, ada);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> dev.syllabus.progress.enrolment.EnrollmentEntity.count(
                                "account.login = ?1 and inviteHash is not null", ada)))
                .as("the claim voided the invite")
                .isZero();
        assertThat(as(admin).post("/api/courses/" + COURSE + "/roster/invites").asString())
                .doesNotContain(ada + ",");
    }

    private static String githubUrl() {
        return ConfigProvider.getConfig()
                .getValue("syllabus.github.oauth-url", String.class)
                .replaceAll("/+$", "");
    }

    private static void tick(String token, String item) {
        as(token)
                .contentType("application/json")
                .put("/api/courses/" + COURSE + "/checklist/" + item + "/done")
                .then()
                .statusCode(Matchers.oneOf(200, 204));
    }

    private static boolean itemDone(String token, String item) {
        return as(token)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getBoolean("items.find { it.id == '" + item + "' }.done");
    }
}
