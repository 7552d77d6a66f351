package dev.syllabus.content;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Principle(@Schema(example = "Practice first") String text, List<Link> links, List<Point> details) {

    public Principle {
        links = List.copyOf(links);
        details = List.copyOf(details);
    }
}
