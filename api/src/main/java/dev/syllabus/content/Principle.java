package dev.syllabus.content;

import java.util.List;

public record Principle(String text, List<Link> links, List<Point> details) {

    public Principle {
        links = List.copyOf(links);
        details = List.copyOf(details);
    }
}
