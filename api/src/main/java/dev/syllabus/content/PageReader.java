package dev.syllabus.content;

import dev.syllabus.content.CourseDraft.LectureDraft;
import dev.syllabus.content.CourseDraft.WeekDraft;
import dev.syllabus.content.Headings.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads one page (the agenda or a week page) into a {@link CourseDraft}: walks its top-level
 * blocks and sends each to the section its last heading opened (a list of points, prose, the
 * author's own Markdown, or a homework written in the {@link HomeworkGrammar}).
 */
final class PageReader {

    private static final Parser MARKDOWN =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private final CourseDraft course;
    private final List<ContentIssue> issues;
    private final Locations locations;
    private final ContentFile file;
    private final List<String> lines;
    private final int offset;
    private final FrontMatter front;
    private final WeekDraft page;
    private WeekDraft week;
    private int weekLevel;
    private SectionSink sink;

    PageReader(CourseDraft course, ContentFile file, FrontMatter front, WeekDraft page) {
        this.course = course;
        this.issues = course.issues;
        this.locations = course.locations;
        this.file = file;
        this.front = front;
        this.lines = front.body().lines().toList();
        this.offset = front.bodyOffset();
        this.page = page;
        this.week = page;
    }

    /** The week the page is in at this point of the reading. */
    WeekDraft week() {
        return week;
    }

    List<String> lines() {
        return lines;
    }

    ContentFile file() {
        return file;
    }

    /** Where each task was written, for the content check's messages. */
    void locate(Object element, int line) {
        locations.put(element, file.name(), line);
    }

    void issueAt(int line, String message) {
        issues.add(new ContentIssue(file.name(), line, message));
    }

    /** Reads the page into the course; {@code page} is the week a week page belongs to, or null for the agenda. */
    void read() {
        Node document = MARKDOWN.parse(front.body());
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            accept(block);
        }
        flush();
    }

    int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + offset + 1;
    }

    void issue(Node node, String message) {
        issues.add(new ContentIssue(file.name(), line(node), message));
    }

    void accept(Node block) {
        if (block instanceof Heading heading) {
            flush();
            open(heading);
        } else if (sink != null) {
            sink.accept(block);
        } else if (!(block instanceof ThematicBreak)) {
            issue(block, "text before the first heading belongs to no section and is not shown");
        }
    }

    void flush() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    private void open(Heading node) {
        StringBuilder raw = new StringBuilder();
        Text.collect(node, raw, new ArrayList<>());
        Headings.Heading heading = Headings.classify(Text.finish(raw));
        if (heading.kind() == Kind.WEEK || isCourseLevel(heading.kind())) {
            if (page != null) {
                issue(node, "'" + heading.text() + "' belongs in agenda.md, not in a week page");
                sink = new Sections.Ignored();
                return;
            }
            week = null;
        }
        if (heading.weekScoped() && week == null) {
            issue(node, "'" + heading.text() + "' must come under a 'Week N: Title' heading");
            sink = new Sections.Ignored();
            return;
        }
        switch (heading.kind()) {
            case PRINCIPLES ->
                sink = new Sections.Items(
                        this,
                        "principles",
                        p -> course.principles.add(new Principle(p.title(), p.links(), p.details())));
            case LINKS -> sink = new Sections.Items(this, "links", p -> link(p).ifPresent(course.links::add));
            case TOOLS ->
                sink = new Sections.Items(this, "tools", p -> link(p).ifPresent(l -> {
                    Tool tool = new Tool(l.title(), l.url());
                    locations.copy(l, tool);
                    course.tools.add(tool);
                }));
            case RULES -> sink = new Sections.Items(this, "homework rules", course.rules::add);
            case WEEK -> openWeek(node, heading);
            case GOAL -> sink = new Sections.Paragraphs(this, text -> week.goal = join(week.goal, text));
            case LECTURE -> openLecture(node, heading);
            case HOMEWORK -> sink = new HomeworkSection(this, node, heading);
            case WEBINAR -> sink = new Sections.Raw(this, body -> week.webinar = new Section(heading.title(), body));
            case OTHER -> {
                boolean inWeek = week != null && (page != null || node.getLevel() > weekLevel);
                if (!inWeek) {
                    week = null;
                }
                List<Section> target = inWeek ? week.sections : course.sections;
                sink = new Sections.Raw(this, body -> target.add(new Section(heading.title(), body)));
            }
        }
    }

    private void openWeek(Heading node, Headings.Heading heading) {
        WeekDraft existing = course.weeks.get(heading.number());
        if (existing != null) {
            issue(node, "week " + heading.number() + " appears twice (first at line " + existing.line + ")");
            sink = new Sections.Ignored();
            return;
        }
        if (heading.title().isEmpty()) {
            issue(node, "week " + heading.number() + " has no title: write 'Week " + heading.number() + ": Title'");
        }
        week = new WeekDraft(heading.number(), heading.title(), file.name(), line(node));
        weekLevel = node.getLevel();
        course.weeks.put(week.number, week);
        sink = new Sections.Items(this, "topics", week.topics::add);
    }

    private void openLecture(Heading node, Headings.Heading heading) {
        int number = heading.number() > 0 ? heading.number() : week.lectures.size() + 1;
        if (heading.title().isEmpty()) {
            issue(node, "lecture " + number + " has no title: write 'Lecture " + number + ": Title'");
        }
        List<Point> topics = new ArrayList<>();
        week.lectures.add(new LectureDraft(number, heading.title(), topics));
        sink = new Sections.Items(this, "lecture topics", topics::add);
    }

    private Optional<Link> link(Point point) {
        if (point.links().isEmpty()) {
            issues.add(locations.issue(
                    point, file.name(), "'" + point.title() + "' has no link: write it as [title](https://...)"));
            return Optional.empty();
        }
        Link link = new Link(point.title(), point.links().get(0).url());
        locations.copy(point.links().get(0), link);
        return Optional.of(link);
    }

    // ------------------------------------------------------------ section sinks

    interface SectionSink {
        void accept(Node block);

        default void close() {}
    }

    // ------------------------------------------------------------ inline helpers

    Point point(ListItem item) {
        StringBuilder text = new StringBuilder();
        List<Link> found = new ArrayList<>();
        List<Point> details = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock nested) {
                for (Node sub = nested.getFirstChild(); sub != null; sub = sub.getNext()) {
                    details.add(point((ListItem) sub));
                }
            } else if (child instanceof Paragraph) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                Text.collect(child, text, found);
            } else if (child instanceof Block) {
                issue(child, "only text, links and nested bullets are kept inside a list item");
            }
        }
        int line = line(item);
        found.forEach(link -> locations.put(link, file.name(), line));
        Point point = new Point(Text.finish(text), found, details);
        locations.put(point, file.name(), line);
        return point;
    }

    String plain(Paragraph paragraph) {
        StringBuilder text = new StringBuilder();
        List<Link> found = new ArrayList<>();
        Text.collect(paragraph, text, found);
        int line = line(paragraph);
        found.forEach(link -> locations.put(link, file.name(), line));
        return Text.finish(text);
    }

    /** The block's first source line as written, so markers like 'PR1:' are read before unescaping. */
    String rawStart(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        SourceSpan span = spans.get(0);
        String line = lines.get(span.getLineIndex());
        String raw = line.substring(Math.min(span.getColumnIndex(), line.length()));
        if (block instanceof ListItem) {
            raw = raw.replaceFirst("^\\s*(?:[-+*]|\\d+[.)])\\s+", "");
        }
        return raw.strip();
    }

    private static boolean isCourseLevel(Kind kind) {
        return kind == Kind.PRINCIPLES || kind == Kind.LINKS || kind == Kind.RULES || kind == Kind.TOOLS;
    }

    static String join(String existing, String paragraph) {
        return existing == null ? paragraph : existing + "\n\n" + paragraph;
    }
}
