package dev.syllabus.lti;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What the LTI endpoints read and answer. */
public final class LtiViews {

    private LtiViews() {}

    /** A platform an instructor registers by hand, with the values its LTI 1.3 settings page shows. */
    public record PlatformRequest(
            @NotNull @Size(min = 1, max = 500) String issuer,
            @NotNull @Size(min = 1, max = 255) String clientId,
            @Size(max = 200) String name,
            @NotNull @Size(min = 1, max = 2000) String authorizationEndpoint,
            @NotNull @Size(min = 1, max = 2000) String tokenEndpoint,
            @NotNull @Size(min = 1, max = 2000) String jwksUri,
            @Size(max = 50) List<@NotNull @Size(min = 1, max = 255) String> deploymentIds) {}

    /** A deployment of the tool in a platform, added by its id. */
    public record DeploymentRequest(
            @NotNull @Size(min = 1, max = 255) String deploymentId) {}

    /** A platform's course, the course run it is bound to, and its last roster sync (null: never). */
    public record LinkedContext(
            long id,
            String contextId,
            String title,
            String course,
            String run,
            Instant syncedAt,
            Integer syncedMembers) {}

    /** The run a platform course is bound to from now on. */
    public record BindingRequest(
            @NotNull @Size(min = 1, max = 64) String run) {}

    /** A student's homework score for a platform course, and how its delivery stands. */
    public record ScoreDelivery(
            long id,
            String student,
            String homework,
            String platformCourse,
            Double scoreGiven,
            LtiScoreEntity.Delivery status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant updatedAt,
            Instant sentAt) {}

    /** A student a roster sync names. */
    public record RosterMember(String login, String name) {}

    /** What a roster sync did: students enrolled, students flagged as gone, members the platforms listed. */
    public record RosterSync(List<RosterMember> added, List<RosterMember> flagged, int listed, int platformCourses) {}

    /** A registered platform, its deployments and the courses launched from it. */
    public record Platform(
            long id,
            String issuer,
            String clientId,
            String name,
            String authorizationEndpoint,
            String tokenEndpoint,
            String jwksUri,
            String registeredBy,
            List<String> deploymentIds,
            List<LinkedContext> contexts,
            Instant createdAt) {}

    /** What a platform's administrator types into the platform to add Syllabus by hand. */
    public record Tool(
            String registrationUrl,
            String loginUrl,
            String redirectUrl,
            String jwksUrl,
            String targetLinkUri,
            String domain,
            boolean available) {}
}
