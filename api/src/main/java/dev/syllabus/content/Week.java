package dev.syllabus.content;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Week(
        @Schema(example = "1") int number,
        @Schema(example = "Introduction") String title,

        @Schema(nullable = true, description = "What the week is for (from the week page), or null.")
        String goal,

        List<Point> topics,
        List<Lecture> lectures,
        List<Homework> homework,

        @Schema(nullable = true, description = "The week's webinar, or null.")
        Section webinar,

        List<Section> sections,

        @Schema(nullable = true, description = "The week's first day in the course's current run")
        LocalDate start,

        @Schema(nullable = true, description = "The week's last day (inclusive) in the course's current run")
        LocalDate end) {

    public Week {
        topics = List.copyOf(topics);
        lectures = List.copyOf(lectures);
        homework = List.copyOf(homework);
        sections = List.copyOf(sections);
    }

    public Week(
            int number,
            String title,
            String goal,
            List<Point> topics,
            List<Lecture> lectures,
            List<Homework> homework,
            Section webinar,
            List<Section> sections) {
        this(number, title, goal, topics, lectures, homework, webinar, sections, null, null);
    }

    /** This week with its dates in a run whose weeks start on {@code weekStart}, and its homework's due dates. */
    Week dated(IntFunction<LocalDate> weekStart, ZoneId zone, DueRule fallback) {
        LocalDate first = weekStart.apply(number);
        return new Week(
                number,
                title,
                goal,
                topics,
                lectures,
                homework.stream().map(h -> h.dated(weekStart, zone, fallback)).toList(),
                webinar,
                sections,
                first,
                first.plusDays(6));
    }
}
