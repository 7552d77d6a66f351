package dev.syllabus.progress.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** The history of checklist changes: who changed what, when. Written, never updated. */
@Entity(name = "ProgressEvent")
public class ProgressEventEntity extends PanacheEntity {

    public long courseId;

    public long accountId;

    @Column(length = 60)
    public String itemId;

    @Column(length = 20)
    public String action;

    @Column(length = 2000)
    public String evidenceUrl;

    public Long actorId;

    public Instant at;

    @Column(length = 500)
    public String note;

    /** Appends one entry to the history. */
    public static void record(
            long courseId, long accountId, String itemId, String action, String evidenceUrl, Long actorId, Instant at) {
        record(courseId, accountId, itemId, action, evidenceUrl, actorId, at, null);
    }

    /** Appends one entry to the history, with the note its author gave (or null). */
    public static void record(
            long courseId,
            long accountId,
            String itemId,
            String action,
            String evidenceUrl,
            Long actorId,
            Instant at,
            String note) {
        ProgressEventEntity event = new ProgressEventEntity();
        event.courseId = courseId;
        event.accountId = accountId;
        event.itemId = itemId;
        event.action = action;
        event.evidenceUrl = evidenceUrl;
        event.actorId = actorId;
        event.at = at;
        event.note = note;
        event.persist();
    }

    /** A course's history, or one student's ({@code accountId} not null), the newest change first. */
    public static PanacheQuery<ProgressEventEntity> newestFirst(long courseId, Long accountId) {
        Sort newest = Sort.descending("at", "id");
        return accountId == null
                ? find("courseId", newest, courseId)
                : find("courseId = ?1 and accountId = ?2", newest, courseId, accountId);
    }
}
