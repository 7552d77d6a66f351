package dev.syllabus.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

// "graded" is derived from the tasks and the criterion: written out, never read back in.
@JsonIgnoreProperties(value = "graded", allowGetters = true)
public record Homework(
        @Schema(example = "H2") String code,

        @Schema(description = "The number of the week that holds this homework.", example = "1")
        int week,

        @Schema(example = "Infrastructure") String title,

        @Schema(nullable = true, example = "Package a small server and let a pipeline check every change.")
        String summary,

        List<Task> tasks,

        @Schema(description = "Reading list and other non-task bullets.")
        List<Point> reading,

        @Schema(nullable = true, description = "When the homework passes; null when the author gave none.")
        PassCriterion pass,

        @Schema(nullable = true, description = "The homework's own 'Due:' line; null when the course's default applies")
        DueRule dueRule,

        @Schema(
                nullable = true,
                description = "When the homework is due in the course's current run (its time zone's offset)",
                example = "2026-09-16T23:59:00+03:00")
        OffsetDateTime due) {

    public Homework {
        tasks = List.copyOf(tasks);
        reading = List.copyOf(reading);
    }

    public Homework(
            String code,
            int week,
            String title,
            String summary,
            List<Task> tasks,
            List<Point> reading,
            PassCriterion pass,
            DueRule dueRule) {
        this(code, week, title, summary, tasks, reading, pass, dueRule, null);
    }

    /**
     * Whether the homework can pass at all: it has tasks to tick, or its criterion waits for the
     * instructor's approval. One without either ("Keep iterating") is ungraded: no grade, no progress.
     */
    @JsonProperty("graded")
    @Schema(
            description = "Whether it can pass: false for a homework with no tasks and no approval to wait for "
                    + "(left out of gradebooks, the cohort and progress)")
    public boolean graded() {
        return !tasks.isEmpty() || (pass != null && pass.instructorApproval());
    }

    /** This homework with its due date in a run whose weeks start on {@code weekStart}. */
    Homework dated(IntFunction<LocalDate> weekStart, ZoneId zone, DueRule fallback) {
        DueRule rule = dueRule == null ? fallback : dueRule;
        return new Homework(
                code,
                week,
                title,
                summary,
                tasks,
                reading,
                pass,
                dueRule,
                rule.dueAt(week, weekStart).atZone(zone).toOffsetDateTime());
    }
}
