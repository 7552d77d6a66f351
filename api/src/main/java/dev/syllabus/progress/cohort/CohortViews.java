package dev.syllabus.progress.cohort;

import dev.syllabus.progress.checklist.ChecklistViews;
import dev.syllabus.progress.checklist.HomeworkStatusRule;
import dev.syllabus.progress.checklist.ProgressEntity;
import dev.syllabus.progress.checklist.RepositoryOwners;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the instructors' cohort, roster and history endpoints send. */
public final class CohortViews {

    private CohortViews() {}

    record Row(
            String login,
            String name,
            String email,

            boolean verified,

            ChecklistViews.Completion completion,

            TickCounts ticks,

            List<Cell> homework,

            RepositoryOwners.RepositoryOwner repository) {

        /** What a gradebook's notes say of this row's GitHub evidence, else empty. */
        String evidenceNote() {
            return repository == null || ticks.github() == 0 && repository.proof() != RepositoryOwners.Proof.REJECTED
                    ? ""
                    : repository.note();
        }
    }

    record TickCounts(int github, int student, int instructor) {

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

    record Cell(String code, HomeworkStatusRule.HomeworkStatus status, boolean late, OffsetDateTime due) {

        /** The status as a spreadsheet shows it: PASSED_LATE for a late pass. */
        String label() {
            return late ? "PASSED_LATE" : status.name();
        }
    }

    public record RosterResult(int created, int updated, int enrolled, int rows, List<RosterConflict> conflicts) {}

    public record RosterConflict(int line, String login, String reason) {}

    public record RosterConflictChoice(@NotNull Choice choice) {}

    public record RosterConflictResolution(String login, Choice choice) {}

    public enum Choice {
        KEEP,
        RESET
    }

    public record HistoryEntry(
            Instant at,
            String student,

            String item,

            String action,

            String evidence,
            String actor,

            boolean late,

            String note) {}
}
