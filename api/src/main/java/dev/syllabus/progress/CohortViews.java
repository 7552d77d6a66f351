package dev.syllabus.progress;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the instructors' cohort, roster and history endpoints send. */
final class CohortViews {

    private CohortViews() {}

    @Schema(name = "CohortRow", description = "One student's progress at a glance.")
    record Row(
            @Schema(example = "octocat") String login,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String email,

            @Schema(description = "Whether GitHub has proven the login (the student signed in with GitHub)")
            boolean verified,

            ChecklistViews.Completion completion,

            @Schema(description = "Who vouches for the student's done items in scope")
            TickCounts ticks,

            List<Cell> homework,

            @Schema(
                    nullable = true,
                    description =
                            "The student's registered repository and who proved it is theirs; an UNPROVEN one's GitHub ticks are labelled")
            RepositoryOwners.RepositoryOwner repository) {

        /** What a gradebook's notes say of this row's GitHub evidence, else empty. */
        String evidenceNote() {
            return repository == null || ticks.github() == 0 && repository.proof() != RepositoryOwners.Proof.REJECTED
                    ? ""
                    : repository.note();
        }
    }

    @Schema(
            name = "TickCounts",
            description = "Done items by who vouches for them, so an instructor sees which ticks GitHub backs.")
    record TickCounts(
            @Schema(description = "Proven by a GitHub webhook delivery")
            int github,

            @Schema(description = "Self-reported by the student")
            int student,

            @Schema(description = "Set by an instructor") int instructor) {

        static TickCounts of(List<ChecklistViews.Item> doneItems) {
            Map<ProgressEntity.Source, Long> counts = doneItems.stream()
                    .collect(Collectors.groupingBy(ChecklistViews.Item::source, Collectors.counting()));
            return new TickCounts(
                    counts.getOrDefault(ProgressEntity.Source.GITHUB, 0L).intValue(),
                    counts.getOrDefault(ProgressEntity.Source.STUDENT, 0L).intValue(),
                    counts.getOrDefault(ProgressEntity.Source.INSTRUCTOR, 0L).intValue());
        }

        int of(ProgressEntity.Source source) {
            return switch (source) {
                case GITHUB -> github;
                case STUDENT -> student;
                case INSTRUCTOR -> instructor;
            };
        }
    }

    @Schema(name = "CohortCell")
    record Cell(
            @Schema(example = "H3") String code,
            HomeworkStatusRule.HomeworkStatus status,

            @Schema(description = "Passed after its due date")
            boolean late,

            @Schema(nullable = true, description = "When it is due for this student (an extension counts)")
            OffsetDateTime due) {

        /** The status as a spreadsheet shows it: PASSED_LATE for a late pass. */
        String label() {
            return late ? "PASSED_LATE" : status.name();
        }
    }

    @Schema(name = "RosterResult", description = "What a roster upload changed.")
    record RosterResult(
            @Schema(description = "New student accounts") int created,

            @Schema(description = "Existing students whose name or email changed")
            int updated,

            @Schema(description = "Students newly enrolled in the course")
            int enrolled,

            @Schema(description = "Rows read") int rows,

            @Schema(
                    description =
                            "Lines naming an account someone made by joining under that login, which nobody has proven: left as they are until the instructor keeps or resets each (POST .../roster/conflicts/{login})")
            List<RosterConflict> conflicts) {}

    @Schema(name = "RosterConflict", description = "A roster line whose login an unproven, self-joined account holds.")
    record RosterConflict(
            @Schema(description = "The roster's line number (the header is line 1)")
            int line,

            @Schema(example = "grace") String login,

            @Schema(description = "What happened and what the instructor can do")
            String reason) {}

    @Schema(name = "RosterConflictChoice", description = "What to do with a self-joined account the roster names.")
    record RosterConflictChoice(
            @NotNull
            @Schema(
                    description =
                            "KEEP: the account is the rostered student's, as it is. RESET: it becomes a rostered account nobody has claimed "
                                    + "(its password, email, calendar address, tokens and own ticks go), to be claimed with an invite or with GitHub.")
            Choice choice) {}

    @Schema(
            name = "RosterConflictResolution",
            description = "What was done with a self-joined account the roster names.")
    record RosterConflictResolution(String login, Choice choice) {}

    enum Choice {
        KEEP,
        RESET
    }

    @Schema(name = "HistoryEntry", description = "One change: who changed what, when.")
    record HistoryEntry(
            Instant at,
            @Schema(example = "octocat") String student,

            @Schema(example = "H3/PR2", description = "The item, or the homework for a review")
            String item,

            @Schema(
                    example = "DONE",
                    description =
                            "DONE, UNDONE, NOTE (a note on an item left as it was), APPROVED or CHANGES_REQUESTED")
            String action,

            @Schema(nullable = true) String evidence,
            @Schema(nullable = true, example = "octocat") String actor,

            @Schema(description = "A change made after the homework was due for the student (an extension counts)")
            boolean late,

            @Schema(nullable = true, description = "What the one who made the change said about it")
            String note) {}
}
