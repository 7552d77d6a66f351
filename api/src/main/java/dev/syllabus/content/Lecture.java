package dev.syllabus.content;

import java.util.List;

public record Lecture(int number, String title, List<Point> topics) {

    public Lecture {
        topics = List.copyOf(topics);
    }
}
