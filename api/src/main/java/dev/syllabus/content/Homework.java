package dev.syllabus.content;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Homework(
        @Schema(example = "H2") String code,
        @Schema(description = "The number of the week that holds this homework.", example = "1") int week,
        @Schema(example = "Infrastructure") String title,
        @Schema(nullable = true, example = "Package a small server and let a pipeline check every change.") String summary,
        List<Task> tasks,
        @Schema(description = "Reading list and other non-task bullets.") List<Point> reading,
        @Schema(nullable = true, description = "When the homework passes; null when the author gave none.") PassCriterion pass) {

    public Homework {
        tasks = List.copyOf(tasks);
        reading = List.copyOf(reading);
    }
}
