package dev.syllabus.content;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;

public record Week(
        int number,
        String title,

        String goal,

        List<Point> topics,
        List<Lecture> lectures,
        List<Homework> homework,

        Section webinar,

        List<Section> sections,

        LocalDate start,

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
