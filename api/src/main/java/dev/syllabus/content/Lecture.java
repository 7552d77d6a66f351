package dev.syllabus.content;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Lecture(
        @Schema(example = "1") int number,

        @Schema(example = "Introduction to ML in production")
        String title,

        List<Point> topics) {

    public Lecture {
        topics = List.copyOf(topics);
    }
}
