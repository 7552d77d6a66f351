package dev.syllabus.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser going through an LTI launch as a platform sends it: the login, then the form post. */
public final class LtiBrowser {

    /** The web client's address in the tests (SYLLABUS_PUBLIC_URL's default). */
    public static final String TOOL = "http://localhost:5173";

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)&nonce=");

    private LtiBrowser() {}

    /** A login as the platform starts it, and what the tool's redirect and cookie carried. */
    public record Login(Map<String, String> query, String cookie, String secret) {
        public String state() {
            return query.get("state");
        }

        public String nonce() {
            return query.get("nonce");
        }
    }

    public static Login login(MockPlatform platform, String target) {
        Response answer = given().redirects()
                .follow(false)
                .queryParam("iss", platform.issuer())
                .queryParam("login_hint", "hint-1")
                .queryParam("target_link_uri", target)
                .queryParam("lti_message_hint", "message-hint-1")
                .queryParam("client_id", platform.clientId)
                .queryParam("lti_deployment_id", platform.deploymentId)
                .get("/api/lti/login");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(302);
        URI location = URI.create(answer.header("Location"));
        Map<String, String> query = Arrays.stream(location.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertThat(location.toString()).startsWith(platform.issuer() + "/auth?");
        Map.Entry<String, String> cookie = answer.getCookies().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("syllabus_lti_"))
                .findFirst()
                .orElseThrow();
        return new Login(query, cookie.getKey(), cookie.getValue());
    }

    public static Response launch(Login login, String idToken) {
        return given().cookie(login.cookie(), login.secret())
                .contentType(ContentType.URLENC)
                .formParam("id_token", idToken)
                .formParam("state", login.state())
                .post("/api/lti/launch");
    }

    /** The session token an accepted launch hands the web client. */
    public static String sessionOf(Response launched) {
        assertThat(launched.statusCode()).as(launched.asString()).isEqualTo(200);
        Matcher token = TOKEN.matcher(launched.asString());
        assertThat(token.find()).as(launched.asString()).isTrue();
        return token.group(1);
    }

    /** Registers {@code platform} by hand as the instructor {@code admin}; its id. */
    public static long register(MockPlatform platform, String admin) {
        return Api.as(admin)
                .contentType(ContentType.JSON)
                .body(platform.manualRegistration())
                .post("/api/lti/platforms")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** A user of {@code platform} launched from platform course {@code contextId}: their session. */
    public static String launched(MockPlatform platform, String subject, String role, String contextId) {
        Login login = login(platform, TOOL + "/");
        return sessionOf(launch(
                login,
                platform.sign(platform.launch(subject, role, contextId, login.nonce(), TOOL + "/")
                        .build())));
    }
}
