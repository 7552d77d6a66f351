package dev.syllabus.lti;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.AccountService;
import dev.syllabus.account.Role;
import dev.syllabus.account.Tokens;
import dev.syllabus.content.Course;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deep linking: an instructor launched with a deep-linking request picks homework in the web
 * client, and the tool answers the platform with a signed {@link DeepLinks} answer the browser
 * posts back to it. The request waits in the database (any replica may take the pick), bound to
 * the instructor who launched, for half an hour, and is used once.
 */
@ApplicationScoped
public class LtiDeepLinking {

    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final ToolKeys keys;
    private final AccountService accounts;
    private final Courses courses;
    private final LtiPlatforms platforms;

    LtiDeepLinking(ToolKeys keys, AccountService accounts, Courses courses, LtiPlatforms platforms) {
        this.keys = keys;
        this.accounts = accounts;
        this.courses = courses;
        this.platforms = platforms;
    }

    /** The signed answer and where the browser posts it, inside the platform's frame. */
    public record Answer(String returnUrl, String jwt, String platformOrigin) {}

    /**
     * Keeps the request of an accepted deep-linking launch; the web client's page where the
     * instructor picks. Only instructors place homework. Call within a transaction.
     */
    String open(LtiPlatformEntity platform, LaunchRules.Launch launch, AccountEntity account, CourseEntity course) {
        if (account.role != Role.INSTRUCTOR) {
            throw DomainException.forbidden(
                    "Only an instructor can place Syllabus homework in the platform: your role there does not say you"
                            + " teach this course.");
        }
        if (FrameOrigins.of(launch.deepLinkReturnUrl()).isEmpty()) {
            throw DomainException.invalid("deep_link_return_url", "is not an http(s) address");
        }
        LtiDeepLinkEntity.deleteOlderThan(Instant.now().minus(LIFETIME));
        String request = Tokens.newToken();
        LtiDeepLinkEntity row = new LtiDeepLinkEntity();
        row.requestHash = Tokens.digest(request);
        row.platformId = platform.id;
        row.deploymentId = launch.deploymentId();
        row.accountId = account.id;
        row.courseId = course.id;
        row.returnUrl = launch.deepLinkReturnUrl();
        row.data = launch.deepLinkData();
        row.acceptMultiple = launch.deepLinkMultiple();
        row.createdAt = Instant.now();
        row.persist();
        return "/instructor/deep-link?course=" + course.slug + (launch.deepLinkMultiple() ? "" : "&single=true")
                + "&request=" + request;
    }

    /**
     * The instructor's pick, signed for the platform. The request must be unexpired and unused (it
     * is used up now) and the session the instructor's who launched.
     */
    public Answer answer(String request, String sessionToken, List<String> codes, boolean cancelled) {
        if (request == null || request.isBlank()) {
            throw DomainException.invalid("request", "is missing: open Syllabus again from the platform");
        }
        AccountService.Principal principal = sessionToken == null || sessionToken.isBlank()
                ? null
                : accounts.resolve(sessionToken.strip()).orElse(null);
        if (principal == null) {
            throw DomainException.unauthenticated(
                    "Your Syllabus session has ended: open Syllabus again from the platform to place homework.");
        }
        String hash = Tokens.digest(request.strip());
        return QuarkusTransaction.requiringNew().call(() -> {
            LtiDeepLinkEntity row = LtiDeepLinkEntity.findById(hash);
            if (row == null || row.createdAt.isBefore(Instant.now().minus(LIFETIME))) {
                throw DomainException.invalid(
                        "request", "is unknown, expired or answered already: open Syllabus again from the platform");
            }
            if (row.accountId != principal.accountId()) {
                throw DomainException.forbidden(
                        "This deep-linking request belongs to another instructor's launch.",
                        "request",
                        "was opened by another account");
            }
            Course course = courses.published(row.courseId)
                    .orElseThrow(() -> DomainException.notFound("The course of this request is not published."));
            List<DeepLinks.Offered> picked = DeepLinks.picked(
                    course.homework()
                            .map(h -> new DeepLinks.Offered(h.code(), h.title()))
                            .toList(),
                    codes,
                    cancelled,
                    row.acceptMultiple);
            LtiPlatformEntity platform = LtiPlatformEntity.findById(row.platformId);
            if (platform == null || !LtiDeepLinkEntity.take(hash)) {
                throw DomainException.invalid(
                        "request", "is unknown, expired or answered already: open Syllabus again from the platform");
            }
            String jwt = keys.sign(DeepLinks.answer(
                    new DeepLinks.Asker(platform.issuer, platform.clientId, row.deploymentId, row.data),
                    picked,
                    platforms.publicUrl(),
                    course.slug(),
                    Tokens.newToken(),
                    Instant.now()));
            return new Answer(row.returnUrl, jwt, platforms.frameAncestors(platform.id));
        });
    }
}
