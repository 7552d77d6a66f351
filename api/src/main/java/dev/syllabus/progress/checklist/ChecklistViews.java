package dev.syllabus.progress.checklist;

import dev.syllabus.content.Run;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** What the checklist endpoints send and receive. */
public final class ChecklistViews {

    private ChecklistViews() {}

    public record Item(
            String id,

            ChecklistItem.ItemKind kind,

            String title,

            String homework,
            Integer week,
            boolean optional,
            boolean done,

            String evidence,

            Instant updatedAt,

            int version,

            ProgressEntity.Source source,

            PullRequestStates.PullRequestState pullRequest,

            Instant completedAt) {}

    public record HomeworkProgress(
            String code,
            String title,
            int week,
            HomeworkStatusRule.HomeworkStatus status,

            int requiredPrs,

            int donePrs,

            int requiredItems,

            int doneItems,

            Review review,

            OffsetDateTime due,

            boolean extended,

            Instant passedAt,

            boolean late,

            boolean graded) {}

    record Review(ReviewEntity.Decision decision, String comment, String reviewer, Instant at) {}

    record ReviewRequest(
            @NotNull ReviewEntity.Decision decision,

            @Size(max = 5000) String comment) {}

    record WeekProgress(int number, String title, int requiredItems, int doneItems) {}

    public record Completion(int done, int total, int percent) {

        public static Completion of(int done, int total) {
            return new Completion(done, total, total == 0 ? 0 : done * 100 / total);
        }
    }

    public record Checklist(
            String course,
            String student,

            boolean verified,

            Completion completion,
            List<WeekProgress> weeks,
            List<HomeworkProgress> homework,
            List<Item> items,

            Run run,

            String calendarUrl,

            boolean calendarFeed,

            RepositoryOwners.RepositoryOwner repository) {

        /** This checklist with what the student's enrolment adds: whether they have a calendar feed, their repository. */
        Checklist withEnrolment(boolean hasCalendarFeed, RepositoryOwners.RepositoryOwner owner) {
            return new Checklist(
                    course,
                    student,
                    verified,
                    completion,
                    weeks,
                    homework,
                    items,
                    run,
                    calendarUrl,
                    hasCalendarFeed,
                    owner);
        }
    }

    record CalendarFeed(String calendarUrl) {}

    record ExtensionRequest(@NotNull OffsetDateTime due) {}

    record DoneRequest(
            @Size(max = 2000) String evidence,

            @Size(max = NOTE_LENGTH) String note) {

        DoneRequest(String evidence) {
            this(evidence, null);
        }
    }

    static final int NOTE_LENGTH = 500;
}
