package dev.syllabus.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a course back to one Markdown document in the conventions {@link CourseReader} reads:
 * reading the output yields the same course. Week parts go one heading level below their week.
 */
public final class CourseWriter {

    private static final TomlMapper TOML = new TomlMapper();

    private final StringBuilder out = new StringBuilder(8192);

    private CourseWriter() {}

    public static String write(Course course) {
        return new CourseWriter().course(course).out.toString();
    }

    private CourseWriter course(Course course) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", course.title());
        if (course.description() != null) {
            front.put("description", course.description());
        }
        if (course.evidencePolicy().table() != null) {
            front.put(EvidencePolicy.TABLE, course.evidencePolicy().table());
        }
        if (course.schedule().table() != null) {
            front.put(Schedule.TABLE, course.schedule().table());
        }
        try {
            out.append("+++\n").append(TOML.writeValueAsString(front)).append("+++\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (!course.principles().isEmpty()) {
            heading(1, "Principles");
            course.principles().forEach(p -> item(0, p.text(), p.links(), p.details()));
        }
        course.weeks().forEach(this::week);
        if (!course.links().isEmpty()) {
            heading(1, "Links");
            course.links().forEach(link -> item(0, link.title(), List.of(link), List.of()));
        }
        if (!course.homeworkRules().isEmpty()) {
            heading(1, "Homework instructions");
            points(0, course.homeworkRules());
        }
        if (!course.tools().isEmpty()) {
            heading(1, "Tools to install");
            course.tools().forEach(tool -> item(0, tool.name(), List.of(new Link(tool.name(), tool.url())), List.of()));
        }
        course.sections().forEach(section -> section(1, section));
        return this;
    }

    private void week(Week week) {
        heading(1, "Week " + week.number() + ": " + Text.escape(week.title()));
        points(0, week.topics());
        if (week.goal() != null) {
            heading(2, "Goal");
            paragraphs(week.goal());
        }
        for (Lecture lecture : week.lectures()) {
            heading(2, "Lecture " + lecture.number() + ": " + Text.escape(lecture.title()));
            points(0, lecture.topics());
        }
        week.homework().forEach(this::homework);
        if (week.webinar() != null) {
            section(2, week.webinar());
        }
        week.sections().forEach(section -> section(2, section));
    }

    private void homework(Homework homework) {
        heading(2, homework.code() + ": " + Text.escape(homework.title()));
        if (homework.summary() != null) {
            paragraphs(homework.summary());
        }
        if (!homework.tasks().isEmpty()) {
            out.append('\n');
            for (Task task : homework.tasks()) {
                out.append("- ")
                        .append(HomeworkGrammar.taskLine(task))
                        .append(Text.escape(task.title()))
                        .append('\n');
            }
        }
        points(0, homework.reading());
        if (homework.pass() != null) {
            out.append('\n')
                    .append(HomeworkGrammar.passLine(Text.escape(homework.pass().text())))
                    .append('\n');
        }
        if (homework.dueRule() != null) {
            out.append('\n').append(HomeworkGrammar.dueLine(homework.dueRule())).append('\n');
        }
    }

    private void heading(int level, String text) {
        out.append('\n').append("#".repeat(level)).append(' ').append(text).append("\n\n");
    }

    private void section(int level, Section section) {
        heading(level, Text.escape(section.title()));
        if (!section.body().isEmpty()) {
            out.append(section.body()).append('\n');
        }
    }

    private void paragraphs(String text) {
        for (String paragraph : text.split("\n\n")) {
            out.append('\n')
                    .append(HomeworkGrammar.unmarked(Text.escape(paragraph)))
                    .append('\n');
        }
    }

    private void points(int depth, List<Point> points) {
        if (depth == 0 && !points.isEmpty()) {
            out.append('\n');
        }
        points.forEach(point -> item(depth, point.title(), point.links(), point.details()));
    }

    private void item(int depth, String text, List<Link> links, List<Point> details) {
        out.append("    ".repeat(depth))
                .append("- ")
                .append(HomeworkGrammar.unmarked(inline(text, links)))
                .append('\n');
        points(depth + 1, details);
    }

    /** The text with each link's title turned back into a Markdown link where it stands. */
    private static String inline(String text, List<Link> links) {
        StringBuilder line = new StringBuilder();
        int cursor = 0;
        for (Link link : links) {
            int at = wordAt(text, link.title(), cursor);
            String markdown = "[" + Text.escape(link.title()) + "](" + destination(link.url()) + ")";
            if (at < 0) {
                line.append(Text.escape(text.substring(cursor))).append(' ').append(markdown);
                cursor = text.length();
            } else {
                line.append(Text.escape(text.substring(cursor, at))).append(markdown);
                cursor = at + link.title().length();
            }
        }
        return line.append(Text.escape(text.substring(cursor))).toString();
    }

    /** Where {@code words} stand in {@code text} as whole words (the reader puts spaces around link labels). */
    private static int wordAt(String text, String words, int from) {
        for (int at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
            int end = at + words.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return at;
            }
        }
        return -1;
    }

    private static String destination(String url) {
        return url.matches(".*[\\s()<>].*") ? "<" + url.replace("<", "%3C").replace(">", "%3E") + ">" : url;
    }
}
