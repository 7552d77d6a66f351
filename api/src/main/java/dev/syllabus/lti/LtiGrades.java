package dev.syllabus.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syllabus.course.Courses;
import dev.syllabus.progress.checklist.HomeworkGrades;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grades back (LTI AGS): a student's homework that passed, passed late or reopened queues its score
 * for each platform course of the student's platform bound to that course, in the transaction of
 * the change; {@link LtiScoreSender} sends it. Only courses some platform course takes grades for
 * are followed, so a tick elsewhere costs one look at a cached set.
 */
@ApplicationScoped
public class LtiGrades implements HomeworkGrades {

    /** How long the set of graded courses is believed: another replica's first launch shows within it. */
    static final Duration GRADED_COURSES_FRESH = Duration.ofSeconds(15);

    private final Courses courses;
    private final ObjectMapper json;
    /** The courses a platform course takes grades for (called within the caller's transaction). */
    private final Remembered<Set<Long>> gradedCourses = new Remembered<>(
            GRADED_COURSES_FRESH, () -> LtiContextEntity.<LtiContextEntity>list("lineItemsUrl is not null").stream()
                    .map(context -> context.courseId)
                    .collect(Collectors.toUnmodifiableSet()));

    LtiGrades(Courses courses, ObjectMapper json) {
        this.courses = courses;
        this.json = json;
    }

    /** A launch bound or changed a platform course: the graded courses are read again. */
    void contextsChanged() {
        gradedCourses.forget();
    }

    @Override
    public boolean follows(long courseId, long studentId) {
        return gradedCourses.get().contains(courseId) && LtiUserEntity.isLinked(studentId);
    }

    @Override
    public void changed(Change change) {
        int latePenalty = courses.published(change.courseId())
                .map(course -> course.schedule().latePenalty())
                .orElse(0);
        ScoreRule.Score score = ScoreRule.of(change.status(), latePenalty, change.at(), change.evidence());
        List<LtiUserEntity> identities = LtiUserEntity.ofAccount(change.studentId());
        for (LtiContextEntity context : LtiContextEntity.gradedIn(change.courseId())) {
            LtiPlatformEntity platform = LtiPlatformEntity.findById(context.platformId);
            identities.stream()
                    .filter(identity -> platform != null && identity.issuer.equals(platform.issuer))
                    .findFirst()
                    .ifPresent(identity -> queue(context, change, identity.subject, score));
        }
    }

    private void queue(LtiContextEntity context, Change change, String userId, ScoreRule.Score score) {
        Instant now = Instant.now();
        LtiScoreEntity row = LtiScoreEntity.lockedFor(context.id, change.studentId(), change.homework())
                .orElseGet(() -> {
                    LtiScoreEntity created = new LtiScoreEntity();
                    created.contextId = context.id;
                    created.accountId = change.studentId();
                    created.homeworkCode = change.homework();
                    created.nextAttemptAt = now;
                    return created;
                });
        row.userId = userId;
        row.apply(row.queue().offer(body(score, userId), now));
        row.lastError = null;
        row.updatedAt = now;
        row.persist();
    }

    /** The score as AGS 2.0 takes it ({@code application/vnd.ims.lis.v1.score+json}). */
    private String body(ScoreRule.Score score, String userId) {
        ObjectNode body = json.createObjectNode();
        body.put("userId", userId);
        if (score.given() != null) {
            body.put("scoreGiven", score.given());
            body.put("scoreMaximum", score.maximum());
        }
        body.put("activityProgress", score.activityProgress());
        body.put("gradingProgress", score.gradingProgress());
        body.put("timestamp", score.timestamp().toString());
        if (score.comment() != null) {
            body.put("comment", score.comment());
        }
        return body.toString();
    }
}
