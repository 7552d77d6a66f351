package dev.syllabus.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.AccountService;
import dev.syllabus.account.AccountViews;
import dev.syllabus.account.Role;
import dev.syllabus.account.Tokens;
import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.ConcurrentChanges;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.enrolment.Enrolments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An LTI 1.3 launch: after the login ({@link LtiLogins}), the platform's form post of a signed
 * id_token, checked in full before anyone is signed in. An accepted launch signs the platform's user into their Syllabus account
 * (linked by issuer and subject), binds the platform's course to a Syllabus course run on its
 * first launch, and enrols students in it.
 */
@ApplicationScoped
public class LtiLaunches {

    private final LtiPlatforms platforms;
    private final PlatformCalls calls;
    private final LtiConfig config;
    private final AccountService accounts;
    private final LtiAccounts ltiAccounts;
    private final Courses courses;
    private final CourseRuns runs;
    private final Enrolments enrolments;
    private final LtiGrades grades;
    private final LtiDeepLinking deepLinking;
    private final String defaultCourse;

    LtiLaunches(
            LtiPlatforms platforms,
            PlatformCalls calls,
            LtiConfig config,
            AccountService accounts,
            LtiAccounts ltiAccounts,
            Courses courses,
            CourseRuns runs,
            Enrolments enrolments,
            LtiGrades grades,
            LtiDeepLinking deepLinking,
            SyllabusConfig settings) {
        this.platforms = platforms;
        this.calls = calls;
        this.config = config;
        this.accounts = accounts;
        this.ltiAccounts = ltiAccounts;
        this.courses = courses;
        this.runs = runs;
        this.enrolments = enrolments;
        this.grades = grades;
        this.deepLinking = deepLinking;
        this.defaultCourse = settings.defaultCourse();
    }

    /** Where an accepted launch sends the browser, with a session for the platform's user. */
    public record Admitted(String landing, AccountViews.Session session, String platformOrigin) {}

    /**
     * The platform's form post. The state must be one this tool issued, unexpired and unused (it
     * is used up now), in the browser that started it; the id_token must be signed by the
     * platform's key and pass {@link LaunchRules}; where it was posted from must be the platform's
     * ({@link FrameOrigins#admits}: a hosted Canvas posts from each school's domain, which its
     * launch names as its return URL), and is learned as one that may frame the tool.
     *
     * @param origin where the browser posted from (its Origin header), or null
     * @param cookies the browser's cookies, by name
     */
    public Admitted launch(String idToken, String state, String origin, Function<String, String> cookies) {
        if (blank(state)) {
            throw DomainException.invalid("state", "is missing: start the launch again from the platform");
        }
        if (blank(idToken)) {
            throw DomainException.invalid("id_token", "is missing: the platform sent no launch");
        }
        record Pending(LtiLoginEntity login, LtiPlatformEntity platform, Set<String> deployments) {}
        Pending pending = QuarkusTransaction.requiringNew().call(() -> {
            LtiLoginEntity login = LtiLoginEntity.findById(Tokens.digest(state.strip()));
            if (login == null || !LtiLoginEntity.take(login.stateHash)) {
                return null;
            }
            LtiPlatformEntity platform = LtiPlatformEntity.findById(login.platformId);
            return new Pending(
                    login,
                    platform,
                    LtiDeploymentEntity.ofPlatform(login.platformId).stream()
                            .map(deployment -> deployment.deploymentId)
                            .collect(Collectors.toSet()));
        });
        if (pending == null
                || pending.platform() == null
                || pending.login().createdAt.isBefore(Instant.now().minus(LtiLogins.LIFETIME))) {
            throw DomainException.invalid(
                    "state", "is unknown, expired or used already: start the launch again from the platform");
        }
        String browserSecret = cookies.apply(LtiLogins.cookieFor(state.strip()));
        if (browserSecret == null
                || !MessageDigest.isEqual(
                        HexFormat.of().parseHex(Tokens.digest(browserSecret)),
                        HexFormat.of().parseHex(pending.login().browserHash))) {
            throw DomainException.forbidden(
                    "This launch was started in another browser (or this browser blocks the tool's cookies):"
                            + " nobody was signed in.",
                    "state",
                    "belongs to a launch another browser started");
        }
        LtiPlatformEntity platform = pending.platform();
        JWTClaimsSet claims = verified(idToken.strip(), platform);
        LaunchRules.refusal(
                        claims,
                        new LaunchRules.Expected(
                                platform.issuer,
                                platform.clientId,
                                pending.login().nonce,
                                Instant.now(),
                                config.clockSkew()),
                        pending.deployments()::contains)
                .ifPresent(why -> {
                    throw DomainException.unauthenticated("The launch was refused: " + why + ".");
                });
        LaunchRules.Launch launch = LaunchRules.read(claims);
        Set<String> known =
                FrameOrigins.ofPlatform(platform.issuer, platform.authorizationEndpoint, platform.webOrigins);
        FrameOrigins.of(platforms.publicUrl()).ifPresent(known::add);
        if (!FrameOrigins.admits(origin, known, launch.platformPages())) {
            throw DomainException.forbidden("The launch was refused: it was posted from " + origin
                    + ", which is none of the platform's addresses and none the launch names.");
        }
        // Launches of one platform course or user at once: a loser's rows were made by the winner,
        // so its next try finds them (each try may lose to a different row, hence a few).
        Admitted admitted = null;
        for (int attempt = 1; admitted == null; attempt++) {
            try {
                admitted = QuarkusTransaction.requiringNew().call(() -> admit(platform, launch, origin));
            } catch (RuntimeException e) {
                if (attempt == 3 || !ConcurrentChanges.caused(e)) {
                    throw e;
                }
            }
        }
        grades.contextsChanged();
        return admitted;
    }

    /** The id_token's claims, once its RS256 signature is the platform's. */
    private JWTClaimsSet verified(String idToken, LtiPlatformEntity platform) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw DomainException.invalid("id_token", "is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw DomainException.unauthenticated("The launch was refused: the id_token is signed with "
                    + jwt.getHeader().getAlgorithm() + ", not RS256.");
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = kid == null ? null : calls.key(platform.jwksUri, kid);
        if (!(key instanceof RSAKey rsa)) {
            throw DomainException.unauthenticated("The launch was refused: the platform's keys (fetched again from "
                    + platform.jwksUri + ") have no RSA key '" + kid + "'.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw DomainException.unauthenticated(
                        "The launch was refused: the id_token's signature is not the platform's.");
            }
            return jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException e) {
            throw DomainException.unauthenticated("The launch was refused: the id_token cannot be verified.");
        }
    }

    /**
     * Signs in the platform's user, binding the context and enrolling a student, and learns the
     * origin the launch was posted from as one of the platform's (its pages may frame Syllabus).
     * Runs in a transaction.
     */
    private Admitted admit(LtiPlatformEntity platform, LaunchRules.Launch launch, String postedFrom) {
        FrameOrigins.strict(postedFrom)
                .filter(origin ->
                        !origin.equals(FrameOrigins.of(platforms.publicUrl()).orElse(null)))
                .ifPresent(origin -> platforms.learnOrigin(platform.id, origin));
        String frameAncestor = platforms.frameAncestors(platform.id);
        String named = TargetLinks.course(launch.targetLinkUri()).orElse(defaultCourse);
        Role role = LtiRoles.of(launch.roles());
        CourseEntity course;
        long runId;
        LtiContextEntity context = launch.contextId() == null
                ? null
                : LtiContextEntity.of(platform.id, launch.contextId()).orElse(null);
        if (context != null) {
            course = CourseEntity.findById(context.courseId);
            if (TargetLinks.course(launch.targetLinkUri())
                    .filter(slug -> !slug.equals(course.slug))
                    .isPresent()) {
                throw DomainException.forbidden("The launch was refused: this platform course ('" + context.title
                        + "') is bound to the Syllabus course '" + course.slug + "', not '" + named + "'.");
            }
            runId = context.runId;
            context.lineItemsUrl = launch.lineItemsUrl();
            context.membershipsUrl = launch.membershipsUrl();
        } else {
            course = courses.row(named);
            runId = runs.current(course.id).id;
            if (launch.contextId() != null) {
                LtiContextEntity bound = new LtiContextEntity();
                bound.platformId = platform.id;
                bound.contextId = launch.contextId();
                bound.title = launch.contextTitle() == null ? launch.contextId() : clip(launch.contextTitle(), 500);
                bound.courseId = course.id;
                bound.runId = runId;
                bound.lineItemsUrl = launch.lineItemsUrl();
                bound.membershipsUrl = launch.membershipsUrl();
                bound.createdAt = Instant.now();
                bound.persist();
            }
        }
        AccountEntity account = ltiAccounts.of(launch.issuer(), launch.subject(), launch.name(), launch.email(), role);
        if (launch.deepLinking()) {
            String picker = deepLinking.open(platform, launch, account, course);
            return new Admitted(picker, accounts.signIn(account), frameAncestor);
        }
        if (account.role == Role.STUDENT) {
            enrolments.enrol(course, account, runId);
        }
        String fallback = account.role == Role.INSTRUCTOR ? "/instructor" : "/checklist";
        return new Admitted(
                TargetLinks.landing(launch.targetLinkUri(), fallback), accounts.signIn(account), frameAncestor);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
