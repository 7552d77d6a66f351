package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The latest score of a student's homework for a platform course, until the platform has it. One
 * row per (context, student, homework): a newer score replaces an unsent older one.
 */
@Entity(name = "LtiScore")
public class LtiScoreEntity extends PanacheEntity {

    public long contextId;
    public long accountId;

    @Column(length = 20)
    public String homeworkCode;

    /** The platform's id of the student (the launch's {@code sub}). */
    @Column(length = 255)
    public String userId;

    /** The score as AGS takes it (JSON). */
    @Column(length = 8000)
    public String body;

    /** How many scores were queued; the platform has them up to {@code sentVersion}. */
    public int version;

    public int sentVersion;
    public int attempts;
    public Instant nextAttemptAt;
    /** A sender took it until then; another takes it only after. */
    public Instant claimedUntil;

    public Integer lastStatus;

    @Column(length = 500)
    public String lastError;

    public Instant updatedAt;
    public Instant sentAt;

    /** What waits to be sent, as {@link ScoreQueue} reads it. */
    public ScoreQueue queue() {
        return new ScoreQueue(body, version, sentVersion, attempts, nextAttemptAt);
    }

    /** Takes {@code queue}'s state. */
    public void apply(ScoreQueue queue) {
        body = queue.body();
        version = queue.version();
        sentVersion = queue.sentVersion();
        attempts = queue.attempts();
        nextAttemptAt = queue.nextAttemptAt();
    }

    /** The row of this score, locked for the caller's transaction. */
    public static Optional<LtiScoreEntity> lockedFor(long contextId, long accountId, String homeworkCode) {
        return find("contextId = ?1 and accountId = ?2 and homeworkCode = ?3", contextId, accountId, homeworkCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The ids of up to {@code limit} scores waiting to be sent and due now, none another sender holds. */
    public static List<Long> due(Instant now, int limit) {
        return find(
                        "version > sentVersion and nextAttemptAt <= ?1 and (claimedUntil is null or claimedUntil < ?1)"
                                + " order by nextAttemptAt",
                        now)
                .page(0, limit)
                .project(Id.class)
                .list()
                .stream()
                .map(Id::id)
                .toList();
    }

    /** Takes the score for one attempt until {@code until}: true only for the one sender that took it. */
    public static boolean claim(long id, Instant now, Instant until) {
        return update(
                        "claimedUntil = ?1 where id = ?2 and version > sentVersion"
                                + " and (claimedUntil is null or claimedUntil < ?3)",
                        until,
                        id,
                        now)
                == 1;
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Id(Long id) {}

    /** Where a score's delivery stands, for the instructor's view. */
    public enum Delivery {
        PENDING("version > sentVersion and lastError is null"),
        SENT("version = sentVersion"),
        FAILED("version > sentVersion and lastError is not null");

        final String where;

        Delivery(String where) {
            this.where = where;
        }

        public static Delivery of(LtiScoreEntity score) {
            return score.version == score.sentVersion ? SENT : score.lastError == null ? PENDING : FAILED;
        }
    }

    private static final String OF_COURSE = "contextId in (select c.id from LtiContext c where c.courseId = ?1)";

    /** A page of the course's scores, newest change first; {@code delivery} narrows them (null: all). */
    public static List<LtiScoreEntity> ofCourse(long courseId, Delivery delivery, Page page) {
        return find(
                        OF_COURSE + (delivery == null ? "" : " and " + delivery.where)
                                + " order by updatedAt desc, id desc",
                        courseId)
                .page(page)
                .list();
    }

    public static long countOfCourse(long courseId, Delivery delivery) {
        return count(OF_COURSE + (delivery == null ? "" : " and " + delivery.where), courseId);
    }

    public static List<LtiScoreEntity> ofContext(long contextId) {
        return list("contextId = ?1 order by updatedAt desc", contextId);
    }
}
