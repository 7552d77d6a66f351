package dev.syllabus.content;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Week(
        @Schema(example = "1") int number,
        @Schema(example = "Introduction") String title,
        @Schema(nullable = true, description = "What the week is for (from the week page), or null.") String goal,
        List<Point> topics,
        List<Lecture> lectures,
        List<Homework> homework,
        @Schema(nullable = true, description = "The week's webinar, or null.") Section webinar,
        List<Section> sections) {

    public Week {
        topics = List.copyOf(topics);
        lectures = List.copyOf(lectures);
        homework = List.copyOf(homework);
        sections = List.copyOf(sections);
    }
}
