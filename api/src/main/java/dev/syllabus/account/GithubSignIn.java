package dev.syllabus.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.outbound.OutboundHttp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sign-in with GitHub: the OAuth 2.0 authorization code flow with a one-time {@code state} and
 * PKCE (S256), then GitHub's {@code /user} to learn who signed in. Two plain HTTPS calls with the
 * JDK's client: the API keeps no server-side session and reads no cookie, so it hands the browser
 * a Syllabus token in the URL fragment of the web client's page, which never reaches a server.
 */
@ApplicationScoped
public class GithubSignIn {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final Duration GITHUB_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(GithubSignIn.class);
    /** A value the web client's tab keeps while it signs in, and expects back in the fragment. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /** A path on the web client's own origin: one slash, no scheme, no backslash, no control characters. */
    private static final Pattern SAME_ORIGIN_PATH = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e&&[^\\\\#]]{0,299}");

    private final AuthConfig config;
    private final AccountService accounts;
    private final ObjectMapper json;
    private final String publicUrl;
    private final String oauthUrl;
    private final String apiUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(GITHUB_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    GithubSignIn(AuthConfig config, AccountService accounts, ObjectMapper json, SyllabusConfig settings) {
        this.config = config;
        this.accounts = accounts;
        this.json = json;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
        this.oauthUrl = config.github().oauthUrl().replaceAll("/+$", "");
        this.apiUrl = config.github().apiUrl().replaceAll("/+$", "");
    }

    public boolean enabled() {
        return config.github().clientId().filter(id -> !id.isBlank()).isPresent();
    }

    /**
     * A sign-in under way, as the browser must carry it: where to send it, and the secret that
     * binds the sign-in to it (a short-lived HttpOnly cookie that GitHub's redirect brings back).
     */
    public record Started(URI location, String browserSecret) {}

    /** How a sign-in ended: where to send the browser, which then forgets the binding cookie. */
    public record Finished(URI location) {}

    /**
     * Where a browser goes when a sign-in with GitHub is refused: the web client's sign-in page, with
     * what went wrong in the fragment (which no server sees), instead of a bare problem document.
     */
    public URI refusedPage(String detail) {
        return URI.create(publicUrl + "/signin#github-error=" + URLEncoder.encode(detail, StandardCharsets.UTF_8));
    }

    /**
     * Where to send the browser to sign in; {@code redirect} is the web client's page to come back
     * to, {@code nonce} a value the tab keeps and will find again in the fragment, and
     * {@code linkAccountId}, when not null, the signed-in account that asked to be linked.
     */
    public Started authorize(String redirect, String nonce, Long linkAccountId) {
        String clientId = requireEnabled();
        String path = redirect == null || redirect.isBlank() ? "/checklist" : redirect.strip();
        if (!SAME_ORIGIN_PATH.matcher(path).matches()) {
            throw DomainException.invalid("redirect", "must be a path on this site, such as /checklist");
        }
        if (nonce != null && !NONCE.matcher(nonce).matches()) {
            throw DomainException.invalid("nonce", "must be 16 to 64 letters, digits, '-' or '_'");
        }
        String state = Tokens.newToken();
        String browserSecret = Tokens.newToken();
        String verifier = Pkce.verifier();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            OAuthStateEntity.deleteOlderThan(now.minus(STATE_LIFETIME));
            OAuthStateEntity pending = new OAuthStateEntity();
            pending.stateHash = Tokens.digest(state);
            pending.browserHash = Tokens.digest(browserSecret);
            pending.verifier = verifier;
            pending.redirect = path;
            pending.nonce = nonce;
            pending.linkAccountId = linkAccountId;
            pending.createdAt = now;
            pending.persist();
        });
        URI location = URI.create(oauthUrl + "/login/oauth/authorize?"
                + OutboundHttp.formEncoded(Map.of(
                        "client_id",
                        clientId,
                        "redirect_uri",
                        callbackUrl(),
                        "scope",
                        "read:user",
                        "state",
                        state,
                        "code_challenge",
                        Pkce.challenge(verifier),
                        "code_challenge_method",
                        "S256")));
        return new Started(location, browserSecret);
    }

    /**
     * GitHub brought the browser back. The state must be one we issued, unexpired and unused (it is
     * used up now, whatever happens next), and the browser must be the one that asked (its binding
     * cookie), so that nobody can finish their own sign-in in someone else's browser; then the
     * code is exchanged, with the PKCE verifier, for a GitHub token that reads who signed in.
     * Nothing is created unless all of that succeeds.
     *
     * @param browserSecret the binding cookie the browser sent, or null
     * @return the web client's page, with the Syllabus token (or, for a link, {@code linked=github})
     *     and the tab's nonce in its fragment
     */
    public Finished finish(String code, String state, String error, String browserSecret) {
        requireEnabled();
        if (state == null || state.isBlank()) {
            throw DomainException.invalid("state", "is missing: start again at /api/auth/github/login");
        }
        OAuthStateEntity pending = QuarkusTransaction.requiringNew().call(() -> {
            OAuthStateEntity found = OAuthStateEntity.findById(Tokens.digest(state.strip()));
            return found != null && OAuthStateEntity.take(found.stateHash) ? found : null;
        });
        if (pending == null || pending.createdAt.isBefore(Instant.now().minus(STATE_LIFETIME))) {
            throw DomainException.invalid(
                    "state", "is unknown, expired or used already: start again at /api/auth/github/login");
        }
        if (browserSecret == null
                || !MessageDigest.isEqual(
                        Tokens.digest(browserSecret.strip()).getBytes(StandardCharsets.US_ASCII),
                        pending.browserHash.getBytes(StandardCharsets.US_ASCII))) {
            throw DomainException.forbidden(
                    "This sign-in was started in another browser (or this browser's cookies are off): nothing was"
                            + " signed in. Start again here, at /api/auth/github/login.",
                    "state",
                    "belongs to a sign-in another browser started");
        }
        if (error != null && !error.isBlank()) {
            throw DomainException.forbidden("GitHub did not sign you in (" + error.strip() + "): nothing was created. "
                    + "Start again at /api/auth/github/login to allow Syllabus to read your GitHub profile.");
        }
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("code", "is missing");
        }
        String githubToken = exchange(code.strip(), pending.verifier);
        JsonNode user = get(apiUrl + "/user", githubToken);
        long id = user.path("id").asLong(0);
        String login = user.path("login").asText("");
        if (id <= 0 || !Names.isGithubLogin(login)) {
            throw unavailable("GitHub's /user answer has no usable id and login", null);
        }
        String nonce = pending.nonce == null ? "" : "&nonce=" + pending.nonce;
        if (pending.linkAccountId != null) {
            accounts.linkGithub(pending.linkAccountId, id, login);
            return new Finished(URI.create(publicUrl + pending.redirect + "#linked=github" + nonce));
        }
        AccountViews.Session session =
                accounts.signInWithGithub(id, login, text(user, "name", 200), text(user, "email", 320));
        return new Finished(URI.create(publicUrl + pending.redirect + "#token=" + session.token() + nonce));
    }

    /** Whether the browser's cookie may only travel over HTTPS: wherever the public address is one. */
    public boolean secureCookies() {
        return publicUrl.startsWith("https://");
    }

    /** The callback URL registered with the OAuth app: the API behind the web client's origin. */
    public String callbackUrl() {
        return publicUrl + "/api/auth/github/callback";
    }

    private String exchange(String code, String verifier) {
        String body = OutboundHttp.formEncoded(Map.of(
                "client_id",
                config.github().clientId().orElseThrow(),
                "client_secret",
                config.github().clientSecret().orElse(""),
                "code",
                code,
                "redirect_uri",
                callbackUrl(),
                "code_verifier",
                verifier));
        HttpRequest request = HttpRequest.newBuilder(URI.create(oauthUrl + "/login/oauth/access_token"))
                .timeout(GITHUB_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode answer = send(request);
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            String reason = answer.path("error").asText("no access token");
            throw DomainException.forbidden(
                    "GitHub refused the sign-in (" + reason + "): start again at /api/auth/github/login.",
                    "code",
                    "was refused by GitHub: " + reason);
        }
        return token;
    }

    private JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(GITHUB_TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET()
                .build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
                throw unavailable("GitHub answered " + answer.statusCode(), null);
            }
            if (answer.statusCode() >= 400) {
                throw DomainException.forbidden("GitHub refused the sign-in (" + answer.statusCode()
                        + "): start again at /api/auth/github/login.");
            }
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw unavailable("GitHub could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking GitHub", e);
        }
    }

    private static DomainException unavailable(String why, Exception cause) {
        LOG.warnf("GitHub sign-in failed: %s%s", why, cause == null ? "" : ": " + cause);
        return DomainException.upstreamFailed(
                "GitHub did not answer as expected (" + why + "); nothing was created. Try again in a moment.");
    }

    private String requireEnabled() {
        return config.github()
                .clientId()
                .filter(id -> !id.isBlank())
                .orElseThrow(() -> DomainException.notFound(
                        "Sign-in with GitHub is not set up here (SYLLABUS_GITHUB_CLIENT_ID)."));
    }

    private static String text(JsonNode user, String field, int max) {
        String value = user.path(field).isTextual() ? user.path(field).asText().strip() : null;
        return value == null || value.isEmpty() ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
