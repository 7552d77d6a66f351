package dev.syllabus.progress;

import dev.syllabus.content.Run;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the checklist endpoints send and receive. */
final class ChecklistViews {

    private ChecklistViews() {}

    @Schema(name = "ChecklistItem", description = "One item of a student's checklist and its state.")
    record Item(
            @Schema(example = "H3/PR2", description = "Stable id, derived from the content")
            String id,

            ChecklistItem.ItemKind kind,

            @Schema(example = "Write a MinIO client for create, read, update and delete, with tests")
            String title,

            @Schema(nullable = true, example = "H3") String homework,
            @Schema(nullable = true, example = "2") Integer week,
            boolean optional,
            boolean done,

            @Schema(nullable = true, example = "https://github.com/octocat/ml-in-production/pull/7")
            String evidence,

            @Schema(nullable = true) Instant updatedAt,

            @Schema(description = "Changes so far; the item's ETag is \"v<version>\"", example = "2")
            int version,

            @Schema(
                    nullable = true,
                    description = "Who vouches for the current state: STUDENT (self-reported), GITHUB (a webhook "
                            + "delivery proved it) or INSTRUCTOR; null while the item was never changed")
            ProgressEntity.Source source,

            @Schema(nullable = true, description = "The pull request behind it, where GitHub has told us of one")
            PullRequestStates.PullRequestState pullRequest,

            @Schema(
                    nullable = true,
                    description =
                            "When it was done: the merge time GitHub reports for a pull request, else the tick's; "
                                    + "null while not done")
            Instant completedAt) {}

    @Schema(name = "HomeworkProgress")
    record HomeworkProgress(
            @Schema(example = "H3") String code,
            String title,
            int week,
            HomeworkStatusRule.HomeworkStatus status,

            @Schema(description = "Merged pull requests the pass criterion asks for")
            int requiredPrs,

            @Schema(description = "Pull-request tasks done") int donePrs,

            @Schema(description = "Items that are not optional")
            int requiredItems,

            @Schema(description = "Of those, done") int doneItems,

            @Schema(nullable = true, description = "The instructor's latest review")
            Review review,

            @Schema(
                    nullable = true,
                    description = "When it is due for this student: the run's due date, or the extension an "
                            + "instructor granted",
                    example = "2026-09-16T23:59:00+03:00")
            OffsetDateTime due,

            @Schema(description = "Whether an instructor extended this student's deadline")
            boolean extended,

            @Schema(
                    nullable = true,
                    description = "When it passed: the moment its pass criterion was first met (merge times for pull "
                            + "requests), or the approval where an instructor passed it otherwise; null unless PASSED")
            Instant passedAt,

            @Schema(description = "Passed after its due date (the status stays PASSED: late work is never refused)")
            boolean late,

            @Schema(
                    description = "Whether it can pass at all: false for a homework with nothing to tick and no "
                            + "approval to wait for, which is left out of the gradebook, the cohort and progress")
            boolean graded) {}

    @Schema(name = "Review", description = "An instructor's decision on a student's homework.")
    record Review(
            ReviewEntity.Decision decision,

            @Schema(nullable = true, example = "Add the cost estimate, then it is good to go.")
            String comment,

            @Schema(nullable = true, example = "admin") String reviewer,
            Instant at) {}

    @Schema(name = "ReviewRequest")
    record ReviewRequest(
            @NotNull ReviewEntity.Decision decision,

            @Size(max = 5000) @Schema(nullable = true, example = "Add the cost estimate, then it is good to go.")
            String comment) {}

    @Schema(name = "WeekProgress")
    record WeekProgress(int number, String title, int requiredItems, int doneItems) {}

    @Schema(name = "Completion")
    record Completion(
            @Schema(description = "Required items done") int done,
            @Schema(description = "Required items") int total,

            @Schema(description = "done / total, rounded down", example = "42")
            int percent) {

        static Completion of(int done, int total) {
            return new Completion(done, total, total == 0 ? 0 : done * 100 / total);
        }
    }

    @Schema(
            name = "Checklist",
            description = "A student's checklist for a course: every item, per-homework status and completion.")
    record Checklist(
            @Schema(example = "ml-in-production") String course,
            @Schema(example = "octocat") String student,

            @Schema(description = "Whether GitHub has proven the student's login (they signed in with GitHub)")
            boolean verified,

            Completion completion,
            List<WeekProgress> weeks,
            List<HomeworkProgress> homework,
            List<Item> items,

            @Schema(nullable = true, description = "The run the student takes, whose dates the due dates follow")
            Run run,

            @Schema(
                    nullable = true,
                    description =
                            "Always null here: a private calendar feed's address is shown once, in the answer of POST "
                                    + ".../checklist/calendar-url that makes it (only its digest is stored); see calendarFeed",
                    example = "null")
            String calendarUrl,

            @Schema(
                    description =
                            "Whether the student has a private calendar feed (iCalendar: their deadlines and statuses). Its address "
                                    + "was shown once; POST .../checklist/calendar-url makes a new one and the old one stops working")
            boolean calendarFeed,

            @Schema(
                    nullable = true,
                    description =
                            "The student's registered repository and who proved it is theirs; ticks from GitHub rest on it (null: none registered)")
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

    @Schema(name = "CalendarFeed", description = "The address of a student's private calendar feed.")
    record CalendarFeed(
            @Schema(example = "https://syllabus.example.org/api/calendars/2b9c0c6f7e1d4a3b8f5e.ics")
            String calendarUrl) {}

    @Schema(name = "ExtensionRequest", description = "A new deadline for one student's homework.")
    record ExtensionRequest(
            @NotNull @Schema(description = "The new due time, with its offset", example = "2026-09-20T23:59:00+03:00")
            OffsetDateTime due) {}

    @Schema(name = "DoneRequest", description = "Optional body of marking an item done.")
    record DoneRequest(
            @Size(max = 2000)
            @Schema(
                    nullable = true,
                    description = "A repository, pull request or document URL, as the item's kind asks",
                    example = "https://github.com/octocat/ml-in-production/pull/7")
            String evidence,

            @Size(max = NOTE_LENGTH)
            @Schema(
                    nullable = true,
                    description = "Why, in a few words, kept with the change in the history (such as an instructor's "
                            + "\"shown in class\")",
                    example = "Shown in class on Thursday")
            String note) {

        DoneRequest(String evidence) {
            this(evidence, null);
        }
    }

    static final int NOTE_LENGTH = 500;
}
