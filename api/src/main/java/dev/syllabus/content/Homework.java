package dev.syllabus.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;

// "graded" is derived from the tasks and the criterion: written out, never read back in.
@JsonIgnoreProperties(value = "graded", allowGetters = true)
public record Homework(
        String code,

        int week,

        String title,

        String summary,

        List<Task> tasks,

        List<Point> reading,

        PassCriterion pass,

        DueRule dueRule,

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
