package dev.syllabus.content;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bullet of a list: its text, the links written inside it, and its nested bullets. */
@Schema(description = "A list item: text with the links it contains and its nested items.")
public record Point(@Schema(example = "Setup GitHub repo") String title, List<Link> links, List<Point> details) {

    public Point {
        links = List.copyOf(links);
        details = List.copyOf(details);
    }
}
