package dev.syllabus.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import dev.syllabus.content.Headings.Kind;

/**
 * Reads one course from its Markdown files into a {@link Course}: {@code agenda.md} (which may hold
 * everything), optional {@code week-N.md} pages, and an optional {@code course.toml}. Structure
 * problems are reported with file and line; {@link ContentCheck} then applies the course rules.
 */
public final class CourseReader {

    public static final String AGENDA = "agenda.md";
    public static final String COURSE_FILE = "course.toml";
    private static final Pattern WEEK_PAGE = Pattern.compile("week-(\\d{1,4})\\.md");
    private static final Pattern TASK = Pattern.compile(
            "(?i)(PR|DOC|OTHER)(\\d{0,3})\\s*(?:\\(\\s*(optional|opt)\\s*\\)|(optional|opt))?\\s*:\\s*(.*)", Pattern.DOTALL);
    private static final Pattern PASS = Pattern.compile("(?i)pass(?:\\s+criterion)?\\s*:\\s*(.*)", Pattern.DOTALL);
    private static final Pattern DUE = Pattern.compile("(?i)due\\s*:\\s*(.*)", Pattern.DOTALL);
    private static final Pattern REQUIRED_PRS = Pattern.compile("(?i)(\\d{1,3})\\s+PRs?\\b");
    private static final Pattern APPROVAL = Pattern.compile("(?i)\\bapprov");
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private final String slug;
    private final List<ContentIssue> issues = new ArrayList<>();
    private final Locations locations = new Locations();
    private final Map<Integer, WeekDraft> weeks = new LinkedHashMap<>();
    private final List<Principle> principles = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Tool> tools = new ArrayList<>();
    private final List<Point> rules = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    /**
     * The result of reading: the course (null when it could not be read at all), every issue found
     * (errors: the content is not published), and warnings (published all the same).
     */
    public record Result(Course course, List<ContentIssue> issues, List<ContentIssue> warnings) {
        public Result(Course course, List<ContentIssue> issues) {
            this(course, issues, List.of());
        }

        public boolean valid() {
            return course != null && issues.isEmpty();
        }
    }

    private CourseReader(String slug) {
        this.slug = slug;
    }

    /** Reads and checks a course from its files (names relative to the content root, e.g. {@code slug/agenda.md}). */
    public static Result read(String slug, List<ContentFile> files) {
        return new CourseReader(slug).readAll(files);
    }

    private Result readAll(List<ContentFile> files) {
        ContentFile agenda = null;
        ContentFile courseFile = null;
        Map<Integer, ContentFile> weekPages = new LinkedHashMap<>();
        for (ContentFile file : files) {
            String base = file.baseName();
            Matcher week = WEEK_PAGE.matcher(base);
            if (base.equals(AGENDA)) {
                agenda = file;
            } else if (base.equals(COURSE_FILE)) {
                courseFile = file;
            } else if (week.matches()) {
                weekPages.put(Integer.parseInt(week.group(1)), file);
            } else if (base.endsWith(".md")) {
                issues.add(new ContentIssue(file.name(), 0, "not a course page: expected agenda.md or week-N.md"));
            }
        }
        if (agenda == null) {
            issues.add(new ContentIssue(slug + "/" + AGENDA, 0, "the course has no agenda.md"));
            return new Result(null, List.copyOf(issues));
        }
        FrontMatter front = FrontMatter.split(agenda, issues);
        readPage(agenda, front, null);
        weekPages.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(page -> {
            WeekDraft week = weeks.get(page.getKey());
            if (week == null) {
                issues.add(new ContentIssue(page.getValue().name(), 0,
                        "week " + page.getKey() + " has a page but no 'Week " + page.getKey() + ": Title' heading in agenda.md"));
            } else {
                readPage(page.getValue(), FrontMatter.split(page.getValue(), issues), week);
            }
        });
        Map<String, Object> meta = courseFile == null ? Map.of() : FrontMatter.split(
                new ContentFile(courseFile.name(), "+++\n" + courseFile.text() + "\n+++\n"), issues).fields();
        String title = firstText(meta.get("title"), front.text("course_title"), front.text("title"));
        String description = firstText(meta.get("description"), front.text("description"));
        if (title == null) {
            issues.add(new ContentIssue(slug + "/" + COURSE_FILE, 0, "the course has no title: set 'title' in course.toml"));
            title = slug;
        }
        List<Week> builtWeeks = weeks.values().stream().map(WeekDraft::build).toList();
        Object evidence = meta.containsKey(EvidencePolicy.TABLE) ? meta.get(EvidencePolicy.TABLE) : front.fields().get(EvidencePolicy.TABLE);
        EvidencePolicy policy = EvidencePolicy.read(evidence, courseFile != null ? courseFile.name() : agenda.name(), issues);
        Object scheduleTable = meta.containsKey(Schedule.TABLE) ? meta.get(Schedule.TABLE) : front.fields().get(Schedule.TABLE);
        Schedule schedule = Schedule.read(scheduleTable, courseFile != null ? courseFile.name() : agenda.name(), issues);
        Course course = new Course(slug, title, description, null, principles, links, tools, rules, sections, builtWeeks, policy,
                schedule, null);
        issues.addAll(ContentCheck.check(course, locations, agenda.name()));
        return new Result(course, List.copyOf(issues), ContentCheck.warnings(course, locations, agenda.name()));
    }

    private static String firstText(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate != null && !candidate.toString().isBlank()) {
                return Text.normalize(candidate.toString());
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- one page

    /** Reads a page; {@code page} is the week a week page belongs to, or null for the agenda. */
    private void readPage(ContentFile file, FrontMatter front, WeekDraft page) {
        PageReader reader = new PageReader(file, front, page);
        Node document = MARKDOWN.parse(front.body());
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            reader.accept(block);
        }
        reader.flush();
    }

    /** Walks a page's top-level blocks, sending each to the section its last heading opened. */
    private final class PageReader {
        private final ContentFile file;
        private final List<String> lines;
        private final int offset;
        private final WeekDraft page;
        private WeekDraft week;
        private int weekLevel;
        private SectionSink sink;

        PageReader(ContentFile file, FrontMatter front, WeekDraft page) {
            this.file = file;
            this.lines = front.body().lines().toList();
            this.offset = front.bodyOffset();
            this.page = page;
            this.week = page;
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
                case PRINCIPLES -> sink = new Items(node, "principles",
                        p -> principles.add(new Principle(p.title(), p.links(), p.details())));
                case LINKS -> sink = new Items(node, "links", p -> link(p).ifPresent(links::add));
                case TOOLS -> sink = new Items(node, "tools", p -> link(p).ifPresent(l -> {
                    Tool tool = new Tool(l.title(), l.url());
                    locations.copy(l, tool);
                    tools.add(tool);
                }));
                case RULES -> sink = new Items(node, "homework rules", rules::add);
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
                    List<Section> target = inWeek ? week.sections : sections;
                    sink = new Raw(node, body -> target.add(new Section(heading.title(), body)));
                }
            }
        }

        private void openWeek(Heading node, Headings.Heading heading) {
            WeekDraft existing = weeks.get(heading.number());
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
            weeks.put(week.number, week);
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

        private java.util.Optional<Link> link(Point point) {
            if (point.links().isEmpty()) {
                issues.add(locations.issue(point, file.name(), "'" + point.title() + "' has no link: write it as [title](https://...)"));
                return java.util.Optional.empty();
            }
            Link link = new Link(point.title(), point.links().get(0).url());
            locations.copy(point.links().get(0), link);
            return java.util.Optional.of(link);
        }

        // ------------------------------------------------------------ section sinks

        interface SectionSink {
            void accept(Node block);

            default void close() {
            }
        }

        final class Ignored implements SectionSink {
            @Override
            public void accept(Node block) {
            }
        }

        /** A section that is a list: every item becomes a {@link Point}. */
        final class Items implements SectionSink {
            private final String what;
            private final java.util.function.Consumer<Point> target;

            Items(Node heading, String what, java.util.function.Consumer<Point> target) {
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
            private final java.util.function.Consumer<String> target;

            Paragraphs(Node heading, java.util.function.Consumer<String> target) {
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
            private final java.util.function.Consumer<String> target;
            private int first = -1;
            private int last = -1;

            Raw(Node heading, java.util.function.Consumer<String> target) {
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
                String body = first < 0 ? "" : String.join("\n", lines.subList(first, last + 1)).strip();
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
                    Matcher pass = PASS.matcher(rawStart(paragraph));
                    Matcher due = DUE.matcher(rawStart(paragraph));
                    if (due.matches()) {
                        due(paragraph, due.group(1).strip());
                    } else if (pass.matches()) {
                        if (homework.pass != null) {
                            issue(block, homework.code + " has more than one 'Pass:' line");
                        }
                        String text = plain(paragraph).replaceFirst("(?i)^pass(?:\\s+criterion)?\\s*:\\s*", "");
                        homework.pass = text;
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
                DueRule.parse(text).ifPresentOrElse(rule -> homework.dueRule = rule,
                        () -> issue(paragraph, homework.code + ": 'Due: " + text + "' is not a due date: write " + DueRule.FORMS));
            }

            private void item(ListItem item) {
                Point point = point(item);
                Node first = item.getFirstChild();
                Matcher task = TASK.matcher(first == null ? "" : rawStart(first));
                if (!task.matches()) {
                    homework.reading.add(point);
                    return;
                }
                TaskKind kind = TaskKind.valueOf(task.group(1).toUpperCase(Locale.ROOT));
                String code = kind.name() + task.group(2);
                boolean optional = task.group(3) != null || task.group(4) != null;
                String title = point.title().replaceFirst("(?i)^" + Pattern.quote(task.group(1) + task.group(2))
                        + "\\s*(?:\\(\\s*(?:optional|opt)\\s*\\)|optional|opt)?\\s*:\\s*", "");
                if (title.isEmpty()) {
                    issue(item, homework.code + " " + code + " has no description");
                }
                Task built = new Task(homework.code + "/" + code, code, kind, title, optional);
                locations.put(built, file.name(), line(item));
                homework.tasks.add(built);
            }

            @Override
            public void close() {
                if (homework.pass == null && !homework.tasks.isEmpty()) {
                    issues.add(new ContentIssue(file.name(), homework.line,
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
    }

    private static boolean isCourseLevel(Kind kind) {
        return kind == Kind.PRINCIPLES || kind == Kind.LINKS || kind == Kind.RULES || kind == Kind.TOOLS;
    }

    private static String join(String existing, String paragraph) {
        return existing == null ? paragraph : existing + "\n\n" + paragraph;
    }

    // ---------------------------------------------------------------- drafts

    private final class WeekDraft {
        final int number;
        final String title;
        final String file;
        final int line;
        String goal;
        final List<Point> topics = new ArrayList<>();
        final List<LectureDraft> lectures = new ArrayList<>();
        final List<HomeworkDraft> homework = new ArrayList<>();
        Section webinar;
        final List<Section> sections = new ArrayList<>();

        WeekDraft(int number, String title, String file, int line) {
            this.number = number;
            this.title = title;
            this.file = file;
            this.line = line;
        }

        Week build() {
            Week week = new Week(number, title, goal, topics,
                    lectures.stream().map(l -> new Lecture(l.number(), l.title(), l.topics())).toList(),
                    homework.stream().map(HomeworkDraft::build).toList(), webinar, sections);
            locations.put(week, file, line);
            return week;
        }
    }

    private record LectureDraft(int number, String title, List<Point> topics) {
    }

    private final class HomeworkDraft {
        final String code;
        final int week;
        final String title;
        final String file;
        final int line;
        String summary;
        String pass;
        DueRule dueRule;
        int dueLine;
        final List<Task> tasks = new ArrayList<>();
        final List<Point> reading = new ArrayList<>();

        HomeworkDraft(String code, int week, String title, String file, int line) {
            this.code = code;
            this.week = week;
            this.title = title;
            this.file = file;
            this.line = line;
        }

        Homework build() {
            int listed = (int) tasks.stream().filter(t -> t.kind() == TaskKind.PR).count();
            PassCriterion criterion = pass == null ? null : criterion(pass, listed);
            Homework built = new Homework(code, week, title, summary, tasks, reading, criterion, dueRule);
            locations.put(built, file, line);
            if (dueRule != null) {
                locations.put(dueRule, file, dueLine);
            }
            return built;
        }
    }

    /** Reads the numbers out of a pass criterion such as "6 PRs merged" or "Approved by the instructor". */
    static PassCriterion criterion(String text, int listedPrs) {
        Matcher prs = REQUIRED_PRS.matcher(text);
        int required = prs.find() ? Integer.parseInt(prs.group(1)) : 0;
        return new PassCriterion(text, required, listedPrs, APPROVAL.matcher(text).find());
    }
}
