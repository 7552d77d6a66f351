package dev.syllabus.content;

import dev.syllabus.content.CourseDraft.HomeworkDraft;
import dev.syllabus.content.CourseDraft.LectureDraft;
import dev.syllabus.content.CourseDraft.WeekDraft;
import dev.syllabus.content.Headings.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.commonmark.node.Block;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
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
                sink = new Ignored();
                return;
            }
            week = null;
        }
        if (heading.weekScoped() && week == null) {
            issue(node, "'" + heading.text() + "' must come under a 'Week N: Title' heading");
            sink = new Ignored();
            return;
        }
        switch (heading.kind()) {
            case PRINCIPLES ->
                sink = new Items(
                        node,
                        "principles",
                        p -> course.principles.add(new Principle(p.title(), p.links(), p.details())));
            case LINKS -> sink = new Items(node, "links", p -> link(p).ifPresent(course.links::add));
            case TOOLS ->
                sink = new Items(node, "tools", p -> link(p).ifPresent(l -> {
                    Tool tool = new Tool(l.title(), l.url());
                    locations.copy(l, tool);
                    course.tools.add(tool);
                }));
            case RULES -> sink = new Items(node, "homework rules", course.rules::add);
            case WEEK -> openWeek(node, heading);
            case GOAL -> sink = new Paragraphs(node, text -> week.goal = join(week.goal, text));
            case LECTURE -> openLecture(node, heading);
            case HOMEWORK -> sink = new HomeworkSink(node, heading);
            case WEBINAR -> sink = new Raw(node, body -> week.webinar = new Section(heading.title(), body));
            case OTHER -> {
                boolean inWeek = week != null && (page != null || node.getLevel() > weekLevel);
                if (!inWeek) {
                    week = null;
                }
                List<Section> target = inWeek ? week.sections : course.sections;
                sink = new Raw(node, body -> target.add(new Section(heading.title(), body)));
            }
        }
    }

    private void openWeek(Heading node, Headings.Heading heading) {
        WeekDraft existing = course.weeks.get(heading.number());
        if (existing != null) {
            issue(node, "week " + heading.number() + " appears twice (first at line " + existing.line + ")");
            sink = new Ignored();
            return;
        }
        if (heading.title().isEmpty()) {
            issue(node, "week " + heading.number() + " has no title: write 'Week " + heading.number() + ": Title'");
        }
        week = new WeekDraft(heading.number(), heading.title(), file.name(), line(node));
        weekLevel = node.getLevel();
        course.weeks.put(week.number, week);
        sink = new Items(node, "topics", week.topics::add);
    }

    private void openLecture(Heading node, Headings.Heading heading) {
        int number = heading.number() > 0 ? heading.number() : week.lectures.size() + 1;
        if (heading.title().isEmpty()) {
            issue(node, "lecture " + number + " has no title: write 'Lecture " + number + ": Title'");
        }
        List<Point> topics = new ArrayList<>();
        week.lectures.add(new LectureDraft(number, heading.title(), topics));
        sink = new Items(node, "lecture topics", topics::add);
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

    final class Ignored implements SectionSink {
        @Override
        public void accept(Node block) {}
    }

    /** A section that is a list: every item becomes a {@link Point}. */
    final class Items implements SectionSink {
        private final String what;
        private final Consumer<Point> target;

        Items(Node heading, String what, Consumer<Point> target) {
            this.what = what;
            this.target = target;
        }

        @Override
        public void accept(Node block) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    target.accept(point((ListItem) item));
                }
            } else if (!(block instanceof ThematicBreak)) {
                issue(block, "expected a list of " + what + " here");
            }
        }
    }

    /** A section of prose: each paragraph's plain text. */
    final class Paragraphs implements SectionSink {
        private final Consumer<String> target;

        Paragraphs(Node heading, Consumer<String> target) {
            this.target = target;
        }

        @Override
        public void accept(Node block) {
            if (block instanceof Paragraph paragraph) {
                target.accept(plain(paragraph));
            } else if (!(block instanceof ThematicBreak)) {
                issue(block, "expected paragraphs of text here");
            }
        }
    }

    /** A section kept as the author's own Markdown. */
    final class Raw implements SectionSink {
        private final Consumer<String> target;
        private int first = -1;
        private int last = -1;

        Raw(Node heading, Consumer<String> target) {
            this.target = target;
        }

        @Override
        public void accept(Node block) {
            List<SourceSpan> spans = block.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            if (first < 0) {
                first = spans.get(0).getLineIndex();
            }
            last = spans.get(spans.size() - 1).getLineIndex();
        }

        @Override
        public void close() {
            String body = first < 0
                    ? ""
                    : String.join("\n", lines.subList(first, last + 1)).strip();
            target.accept(body);
        }
    }

    /** A homework: summary paragraphs, task bullets, reading bullets and the pass line. */
    final class HomeworkSink implements SectionSink {
        private final HomeworkDraft homework;

        HomeworkSink(Heading node, Headings.Heading heading) {
            String code = "H" + heading.number();
            if (heading.title().isEmpty()) {
                issue(node, code + " has no title: write '" + code + ": Title'");
            }
            homework = new HomeworkDraft(code, week.number, heading.title(), file.name(), line(node));
            week.homework.add(homework);
        }

        @Override
        public void accept(Node block) {
            if (block instanceof Paragraph paragraph) {
                String written = rawStart(paragraph);
                Optional<String> due = HomeworkGrammar.due(written);
                if (due.isPresent()) {
                    due(paragraph, due.get());
                } else if (HomeworkGrammar.isPass(written)) {
                    if (homework.pass != null) {
                        issue(block, homework.code + " has more than one 'Pass:' line");
                    }
                    homework.pass = HomeworkGrammar.passText(plain(paragraph));
                } else {
                    homework.summary = join(homework.summary, plain(paragraph));
                }
            } else if (block instanceof BulletList || block instanceof OrderedList) {
                for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                    item((ListItem) item);
                }
            } else if (!(block instanceof ThematicBreak)) {
                issue(block, "expected a summary, a list of tasks or a 'Pass:' line in " + homework.code);
            }
        }

        private void due(Paragraph paragraph, String text) {
            if (homework.dueLine > 0) {
                issue(paragraph, homework.code + " has more than one 'Due:' line");
                return;
            }
            homework.dueLine = line(paragraph);
            DueRule.parse(text)
                    .ifPresentOrElse(
                            rule -> homework.dueRule = rule,
                            () -> issue(
                                    paragraph,
                                    homework.code + ": 'Due: " + text + "' is not a due date: write " + DueRule.FORMS));
        }

        private void item(ListItem item) {
            Point point = point(item);
            Node first = item.getFirstChild();
            Optional<HomeworkGrammar.TaskMarker> marker = HomeworkGrammar.task(first == null ? "" : rawStart(first));
            if (marker.isEmpty()) {
                homework.reading.add(point);
                return;
            }
            String code = marker.get().code();
            String title = HomeworkGrammar.taskText(point.title());
            if (title.isEmpty()) {
                issue(item, homework.code + " " + code + " has no description");
            }
            Task built = new Task(
                    homework.code + "/" + code,
                    code,
                    marker.get().kind(),
                    title,
                    marker.get().optional());
            locations.put(built, file.name(), line(item));
            homework.tasks.add(built);
        }

        @Override
        public void close() {
            if (homework.pass == null && !homework.tasks.isEmpty()) {
                issues.add(new ContentIssue(
                        file.name(),
                        homework.line,
                        homework.code + " has tasks but no pass criterion: add a line 'Pass: N PRs merged.'"));
            }
        }
    }

    // ------------------------------------------------------------ inline helpers

    private Point point(ListItem item) {
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

    private String plain(Paragraph paragraph) {
        StringBuilder text = new StringBuilder();
        List<Link> found = new ArrayList<>();
        Text.collect(paragraph, text, found);
        int line = line(paragraph);
        found.forEach(link -> locations.put(link, file.name(), line));
        return Text.finish(text);
    }

    /** The block's first source line as written, so markers like 'PR1:' are read before unescaping. */
    private String rawStart(Node block) {
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

    private static String join(String existing, String paragraph) {
        return existing == null ? paragraph : existing + "\n\n" + paragraph;
    }
}
