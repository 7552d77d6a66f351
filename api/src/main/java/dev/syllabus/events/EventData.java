package dev.syllabus.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code data} of each event type, version 1 (the contract's {@code webhooks} describe each).
 * Fields are only ever added within a version; a change that would break a receiver is a new type.
 */
public final class EventData {

    private EventData() {}

    /** {@code checklist.item.changed}: an item ticked or unticked; {@code changedBy} null when GitHub's evidence did it. */
    public record ItemChanged(String course, String run, String student, Item item, String changedBy) {}

    /** @param source STUDENT, INSTRUCTOR or GITHUB: who vouches for the item now */
    public record Item(String id, boolean done, String source, String evidence) {}

    /**
     * {@code homework.status.changed}: a homework passed ({@code passed}), passed after its due time
     * ({@code passed_late}), or stopped counting as passed ({@code reopened}).
     */
    public record HomeworkStatusChanged(
            String course, String run, String student, String homework, String status, Instant passedAt) {}

    /** {@code enrollment.created} and {@code enrollment.removed}. */
    public record EnrollmentChanged(String course, String run, String student) {}

    /** {@code review.created}: APPROVED or CHANGES_REQUESTED. */
    public record ReviewCreated(
            String course,
            String run,
            String student,
            String homework,
            String decision,
            String comment,
            String reviewer) {}

    /** {@code course.published}: new content, from the files at start or an instructor's upload. */
    public record CoursePublished(String course, String title, String version) {}

    /** {@code webhook.test}: sent to one subscription when an instructor asked. */
    public record WebhookTest(String course, long subscription) {}

    /** {@code run.changed}: a run was created or its settings changed. */
    public record RunChanged(
            String course, String run, String title, LocalDate start, String timeZone, boolean created) {}
}
