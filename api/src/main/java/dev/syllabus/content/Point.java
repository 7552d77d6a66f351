package dev.syllabus.content;

import java.util.List;

/** One bullet of a list: its text, the links written inside it, and its nested bullets. */
public record Point(String title, List<Link> links, List<Point> details) {

    public Point {
        links = List.copyOf(links);
        details = List.copyOf(details);
    }
}
