package dev.syllabus.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Writing any valid course to Markdown and reading it back gives the same course. */
class MarkdownRoundTripTest {

    @Property(tries = 300)
    void writingACourseAndReadingItBackGivesTheSameCourse(@ForAll("courses") Course course) {
        String markdown = CourseWriter.write(course);

        CourseReader.Result read =
                CourseReader.read(course.slug(), List.of(new ContentFile(course.slug() + "/agenda.md", markdown)));

        assertThat(read.issues()).as(markdown).isEmpty();
        assertThat(read.course()).as(markdown).isEqualTo(course);
    }

    // ---------------------------------------------------------------- generators

    /** Words mixing letters with the characters Markdown gives meaning to. */
    private static Arbitrary<String> word() {
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('A', 'Z', 'é', 'ß')
                .ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<String> marked = Arbitraries.of(
                "*",
                "_",
                "#",
                "[",
                "]",
                "<",
                ">",
                "&",
                "&amp;",
                "!",
                "|",
                "(",
                ")",
                ":",
                "-",
                "+",
                ".",
                "`",
                "\\",
                "'",
                "\"",
                "~",
                "=",
                "1.",
                "2)",
                "**x**",
                "<b>",
                "http://x.y",
                "PR1:",
                "Pass:");
        return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, marked));
    }

    private static Arbitrary<String> text(int maxWords) {
        return word().list().ofMinSize(1).ofMaxSize(maxWords).map(words -> String.join(" ", words));
    }

    /** Heading text: a trailing colon is how authors end a heading ("Principles:"), so the reader drops it. */
    private static Arbitrary<String> headingText() {
        return text(4).filter(t -> !t.endsWith(":"));
    }

    private static Arbitrary<String> sectionTitle() {
        return headingText().map(t -> "Notes " + t);
    }

    private static Arbitrary<Link> link() {
        Arbitrary<String> path = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('-', '_', '/', '(', ')')
                .ofMaxLength(12);
        return Combinators.combine(text(3), path).as((title, p) -> new Link(title, "https://example.org/" + p));
    }

    /** A bullet: words and links in any order, with the link labels part of the text. */
    private static Arbitrary<Point> point(int depth) {
        Arbitrary<Object> segment = Arbitraries.oneOf(text(4).map(t -> (Object) t), link().map(l -> (Object) l));
        Arbitrary<List<Point>> details = depth >= 2
                ? Arbitraries.just(List.of())
                : point(depth + 1).list().ofMaxSize(2);
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(3), details)
                .as((segments, nested) -> {
                    List<String> words = new ArrayList<>();
                    List<Link> links = new ArrayList<>();
                    for (Object s : segments) {
                        if (s instanceof Link l) {
                            links.add(l);
                            words.add(l.title());
                        } else {
                            words.add((String) s);
                        }
                    }
                    return new Point(String.join(" ", words), links, nested);
                });
    }

    private static Arbitrary<String> paragraphs() {
        return text(12).list().ofMinSize(1).ofMaxSize(2).map(ps -> String.join("\n\n", ps));
    }

    private static Arbitrary<Section> freeSection() {
        Arbitrary<String> body = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(' ')
                .ofMaxLength(40)
                .map(String::strip)
                .map(b -> b.replaceAll(" +", " "));
        return Combinators.combine(sectionTitle(), body).as(Section::new);
    }

    private static Arbitrary<Homework> homework(String code, int week) {
        Arbitrary<List<Boolean>> prOptional = Arbitraries.of(true, false).list().ofMaxSize(5);
        Arbitrary<Integer> others = Arbitraries.integers().between(0, 2);
        return Combinators.combine(
                        headingText(),
                        paragraphs().injectNull(0.3),
                        prOptional,
                        others,
                        point(0).list().ofMaxSize(2),
                        Arbitraries.integers().between(0, 100),
                        text(3).list().ofMinSize(8).ofMaxSize(8),
                        dueRule(week).injectNull(0.4))
                .as((title, summary, optional, docs, reading, pick, taskTitles, due) -> {
                    List<Task> tasks = new ArrayList<>();
                    for (int i = 0; i < optional.size(); i++) {
                        tasks.add(new Task(
                                code + "/PR" + (i + 1),
                                "PR" + (i + 1),
                                TaskKind.PR,
                                taskTitles.get(i),
                                optional.get(i)));
                    }
                    for (int i = 0; i < docs; i++) {
                        String taskCode = docs == 1 ? "DOC" : "DOC" + (i + 1);
                        tasks.add(
                                new Task(code + "/" + taskCode, taskCode, TaskKind.DOC, taskTitles.get(5 + i), false));
                    }
                    int mandatory = (int) optional.stream().filter(o -> !o).count();
                    int required =
                            mandatory + (optional.size() == mandatory ? 0 : pick % (optional.size() - mandatory + 1));
                    String passText = required + " PRs merged" + (pick % 3 == 0 ? ", approved by the instructor" : "");
                    PassCriterion pass = new PassCriterion(passText, required, optional.size(), pick % 3 == 0);
                    return new Homework(code, week, title, summary, tasks, reading, pass, due);
                });
    }

    /** A 'Due:' rule a homework of {@code week} may have: days after its week starts, or a weekday of that week or a later one. */
    private static Arbitrary<DueRule> dueRule(int week) {
        Arbitrary<LocalTime> times = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59))
                .as(LocalTime::of);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 40), times)
                        .as((days, time) -> new DueRule(null, null, days, time)),
                Combinators.combine(
                                Arbitraries.integers().between(week, week + 3), Arbitraries.of(DayOfWeek.class), times)
                        .as((w, day, time) -> new DueRule(w, day, 0, time)));
    }

    private static Arbitrary<Schedule> schedule() {
        Arbitrary<DayOfWeek> days = Arbitraries.of(DayOfWeek.class).injectNull(0.3);
        Arbitrary<LocalTime> times = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59))
                .as(LocalTime::of);
        Arbitrary<LocalDate> starts = Arbitraries.integers()
                .between(0, 3000)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d))
                .injectNull(0.5);
        return Combinators.combine(
                        dueRule(1).filter(r -> r.week() == null),
                        days,
                        times,
                        Arbitraries.integers().between(1, 600),
                        Arbitraries.integers().between(0, 100),
                        starts,
                        Arbitraries.of("UTC", "Europe/Kyiv", "America/New_York", "Asia/Kolkata"))
                .as(Schedule::new);
    }

    private static Arbitrary<Week> week(int number) {
        Arbitrary<List<Lecture>> lectures = Combinators.combine(
                        headingText(), point(0).list().ofMaxSize(3))
                .as((title, topics) -> new Object[] {title, topics})
                .list()
                .ofMaxSize(2)
                .map(list -> IntStream.range(0, list.size())
                        .mapToObj(i -> new Lecture(i + 1, (String) list.get(i)[0], castPoints(list.get(i)[1])))
                        .toList());
        Arbitrary<List<Homework>> homework = Arbitraries.integers()
                .between(0, 2)
                .flatMap(count -> count == 0
                        ? Arbitraries.just(List.<Homework>of())
                        : Combinators.combine(IntStream.range(0, count)
                                        .mapToObj(i -> homework("H" + (number * 2 - 1 + i), number))
                                        .toList())
                                .as(list -> list));
        Arbitrary<Section> webinar = Combinators.combine(headingText().map(t -> "Webinar: " + t), freeSection())
                .as((title, s) -> new Section(title, s.body()))
                .injectNull(0.4);
        return Combinators.combine(
                        headingText(),
                        paragraphs().injectNull(0.3),
                        point(0).list().ofMaxSize(3),
                        lectures,
                        homework,
                        webinar,
                        freeSection().list().ofMaxSize(1))
                .as((title, goal, topics, lecs, hws, web, sections) ->
                        new Week(number, title, goal, topics, lecs, hws, web, sections));
    }

    @SuppressWarnings("unchecked")
    private static List<Point> castPoints(Object value) {
        return (List<Point>) value;
    }

    @Provide
    Arbitrary<Course> courses() {
        Arbitrary<List<Week>> weeks = Arbitraries.integers()
                .between(0, 4)
                .flatMap(count -> count == 0
                        ? Arbitraries.just(List.<Week>of())
                        : Combinators.combine(IntStream.rangeClosed(1, count)
                                        .mapToObj(MarkdownRoundTripTest::week)
                                        .toList())
                                .as(l -> l));
        Arbitrary<Principle> principle = point(0).map(p -> new Principle(p.title(), p.links(), p.details()));
        Arbitrary<Tool> tool = link().map(l -> new Tool(l.title(), l.url()));
        Arbitrary<Course> courses = Combinators.combine(
                        text(5),
                        text(10).injectNull(0.5),
                        principle.list().ofMaxSize(3),
                        link().list().ofMaxSize(3),
                        tool.list().ofMaxSize(3),
                        point(0).list().ofMaxSize(3),
                        freeSection().list().ofMaxSize(2),
                        weeks)
                .as((title, description, principles, links, tools, rules, sections, ws) -> new Course(
                        "demo",
                        title,
                        description,
                        null,
                        principles,
                        links,
                        tools,
                        rules,
                        sections,
                        ws,
                        EvidencePolicy.DEFAULT,
                        null,
                        null));
        Arbitrary<String> login =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(39);
        Arbitrary<EvidencePolicy> policies = Combinators.combine(
                        login.list().ofMaxSize(3), text(3).list().ofMaxSize(3))
                .as(EvidencePolicy::new);
        return Combinators.combine(courses, policies, schedule().injectNull(0.3))
                .as((course, policy, schedule) -> new Course(
                        course.slug(),
                        course.title(),
                        course.description(),
                        null,
                        course.principles(),
                        course.links(),
                        course.tools(),
                        course.homeworkRules(),
                        course.sections(),
                        course.weeks(),
                        policy,
                        schedule,
                        null));
    }
}
