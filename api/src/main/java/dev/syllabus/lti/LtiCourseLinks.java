package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Paged;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A course's side of its learning platforms, for its instructors: which run each platform course
 * is bound to (and moving it), and how each score sent to a platform's gradebook fared (and
 * sending one again).
 */
@ApplicationScoped
public class LtiCourseLinks {

    private final Courses courses;
    private final LtiPlatforms platforms;
    private final ObjectMapper json;

    LtiCourseLinks(Courses courses, LtiPlatforms platforms, ObjectMapper json) {
        this.courses = courses;
        this.platforms = platforms;
        this.json = json;
    }

    /**
     * Binds platform course {@code id} of the course to its run {@code run}: later launches, roster
     * syncs and grades use that run; nobody's enrolment changes until then.
     */
    @Transactional
    public LtiViews.LinkedContext bind(String slug, long id, String run) {
        LtiContextEntity context = context(slug, id);
        context.runId = CourseRunEntity.byName(context.courseId, run.strip())
                .orElseThrow(() -> DomainException.invalid("run", "is not a run of course '" + slug + "'"))
                .id;
        return platforms.linked(context);
    }

    /** A page of the course's scores, what became of each delivery. */
    @Transactional
    public Paged<LtiViews.ScoreDelivery> scores(String slug, LtiScoreEntity.Delivery status, Page page) {
        long courseId = courses.row(slug).id;
        List<LtiScoreEntity> found = LtiScoreEntity.ofCourse(courseId, status, page);
        if (found.isEmpty()) {
            return new Paged<>(List.of(), LtiScoreEntity.countOfCourse(courseId, status));
        }
        Map<Long, String> logins = byId(
                AccountEntity.list(
                        "id in ?1",
                        found.stream().map(s -> s.accountId).distinct().toList()),
                (AccountEntity account) -> account.id,
                account -> account.login);
        Map<Long, String> titles = byId(
                LtiContextEntity.list(
                        "id in ?1",
                        found.stream().map(s -> s.contextId).distinct().toList()),
                (LtiContextEntity context) -> context.id,
                context -> context.title);
        return new Paged<>(
                found.stream()
                        .map(score -> view(score, logins.get(score.accountId), titles.get(score.contextId)))
                        .toList(),
                LtiScoreEntity.countOfCourse(courseId, status));
    }

    /** Sends score {@code id} again now, whatever became of it (the platform may have lost it). */
    @Transactional
    public LtiViews.ScoreDelivery resend(String slug, long id) {
        long courseId = courses.row(slug).id;
        LtiScoreEntity score = LtiScoreEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        LtiContextEntity context = score == null ? null : LtiContextEntity.findById(score.contextId);
        if (context == null || context.courseId != courseId) {
            throw DomainException.notFound("Course '" + slug + "' has no platform score " + id + ".");
        }
        score.apply(score.queue().resent(Instant.now()));
        return view(score, AccountEntity.<AccountEntity>findById(score.accountId).login, context.title);
    }

    private LtiContextEntity context(String slug, long id) {
        long courseId = courses.row(slug).id;
        LtiContextEntity context = LtiContextEntity.findById(id);
        if (context == null || context.courseId != courseId) {
            throw DomainException.notFound("Course '" + slug + "' has no platform course " + id + ".");
        }
        return context;
    }

    private LtiViews.ScoreDelivery view(LtiScoreEntity score, String login, String platformCourse) {
        JsonNode given;
        try {
            given = json.readTree(score.body).path("scoreGiven");
        } catch (IOException e) {
            given = null;
        }
        return new LtiViews.ScoreDelivery(
                score.id,
                login,
                score.homeworkCode,
                platformCourse,
                given == null || !given.isNumber() ? null : given.asDouble(),
                LtiScoreEntity.Delivery.of(score),
                score.attempts,
                score.lastStatus,
                score.lastError,
                score.nextAttemptAt,
                score.updatedAt,
                score.sentAt);
    }

    private static <T> Map<Long, String> byId(List<T> rows, Function<T, Long> id, Function<T, String> value) {
        return rows.stream().collect(Collectors.toMap(id, value, (a, b) -> a));
    }
}
