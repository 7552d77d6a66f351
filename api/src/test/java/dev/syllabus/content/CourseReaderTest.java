package dev.syllabus.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseReaderTest {

    private static final Path SHIPPED = Path.of("src/main/resources/content");

    static Course read(String agenda) {
        CourseReader.Result result = CourseReader.read("demo", List.of(new ContentFile("demo/agenda.md", agenda)));
        assertThat(result.issues()).as("issues").isEmpty();
        return result.course();
    }

    @Test
    void everyShippedCoursePassesTheContentCheck() {
        List<CourseSource> shipped = ContentSources.fromFolder(SHIPPED, "built-in");
        assertThat(shipped).extracting(CourseSource::slug).contains("ml-in-production");
        for (CourseSource source : shipped) {
            CourseReader.Result result = source.read();
            assertThat(result.issues()).as(source.slug()).isEmpty();
            // Kept as their author wrote them; the content check says what it noticed.
            result.warnings().forEach(warning -> System.out.println("content check warning: " + warning));
        }
    }

    @Test
    void theShippedCourseIsPublishedWithWarningsWhereItsOptionalMarksChangeNothing() {
        CourseReader.Result result = ContentSources.fromFolder(SHIPPED, "built-in").stream()
                .filter(s -> s.slug().equals("ml-in-production"))
                .findFirst()
                .orElseThrow()
                .read();

        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).extracting(ContentIssue::message).anySatisfy(m -> assertThat(m)
                .startsWith("H3: PR5 is marked optional"));
        // H16 ("Keep iterating": no tasks, "Pass: None.") can never pass: the author hears it is ungraded.
        assertThat(result.warnings()).extracting(ContentIssue::message).anySatisfy(m -> assertThat(m)
                .startsWith("H16 has no tasks and no approval to wait for"));
        assertThat(result.warnings()).allSatisfy(w -> assertThat(w.line()).isPositive());
    }

    @Test
    void readsTheAgendaAsItsAuthorPublishedIt() {
        Course course = ContentSources.fromFolder(SHIPPED, "built-in").stream()
                .filter(s -> s.slug().equals("ml-in-production"))
                .findFirst()
                .orElseThrow()
                .read()
                .course();

        assertThat(course.title()).isEqualTo("Machine Learning in Production");
        assertThat(course.principles())
                .extracting(Principle::text)
                .containsExactly("Lecture: Theory", "Webinars: Demo/Missing parts/Deep-dive", "Practice first");
        assertThat(course.weeks()).extracting(Week::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(course.weeks())
                .extracting(Week::title)
                .containsExactly(
                        "Introduction",
                        "Data",
                        "Experiments",
                        "Pipelines",
                        "Serving basics",
                        "Serving advance",
                        "Monitoring",
                        "Platforms");
        assertThat(course.weeks().get(2).topics())
                .extracting(Point::title)
                .containsExactly(
                        "Automated ML cycle",
                        "Experiment management",
                        "Experiment structure",
                        "Testing ML code",
                        "Model management",
                        "CI/CD for ML");
        assertThat(course.links())
                .containsExactly(
                        new Link("Projector landing", "https://prjctr.com/course/machine-learning-in-production"),
                        new Link(
                                "MLEResources",
                                "https://docs.google.com/document/d/1HBaxOhWKcMXoObZB7HPgCKA9jSOc11iIzvT8AitPm2E/edit?usp=sharing"));
        assertThat(course.tools()).extracting(Tool::name).containsExactly("Docker", "Minikube", "Kind", "K9S");
        assertThat(course.tools().get(1).url()).isEqualTo("https://minikube.sigs.k8s.io/docs/start/");
    }

    @Test
    void turnsLinksInsideListItemsIntoStructuredLinksAndKeepsNesting() {
        Course course =
                ContentSources.fromFolder(SHIPPED, "built-in").get(0).read().course();

        List<Point> rules = course.homeworkRules();
        assertThat(rules.get(0))
                .isEqualTo(new Point("Setup GitHub repo", List.of(new Link("repo", "http://github.com/")), List.of()));
        assertThat(rules.get(1).title()).isEqualTo("Add me as admin to it");
        assertThat(rules.get(1).links()).containsExactly(new Link("me", "https://github.com/truskovskiyk"));
        Point all = rules.get(2);
        assertThat(all.title()).isEqualTo("All homework:");
        assertThat(all.details())
                .extracting(Point::title)
                .containsExactly(
                        "PR with CI checks or/and review approvals", "Design docs with approvals (google doc):");
        assertThat(all.details().get(0).details()).hasSize(4).allSatisfy(p -> assertThat(p.links())
                .hasSize(1));
        assertThat(all.details().get(1).details().get(0).links().get(0).url())
                .isEqualTo("https://github.com/eugeneyan/ml-design-docs");
    }

    @Test
    void readsHomeworkTasksAndPassCriteriaFromWeekPages() {
        Course course =
                ContentSources.fromFolder(SHIPPED, "built-in").get(0).read().course();

        List<Homework> homework =
                course.weeks().stream().flatMap(w -> w.homework().stream()).toList();
        assertThat(homework)
                .extracting(Homework::code)
                .containsExactly(
                        "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11", "H12", "H13", "H14", "H15",
                        "H16");
        Homework h3 = homework.get(2);
        assertThat(h3.week()).isEqualTo(2);
        assertThat(h3.tasks()).extracting(Task::code).containsExactly("PR1", "PR2", "PR3", "PR4", "PR5", "PR6", "DOC");
        assertThat(h3.tasks()).filteredOn(Task::optional).extracting(Task::id).containsExactly("H3/PR5");
        assertThat(h3.pass()).isEqualTo(new PassCriterion("6 PRs merged.", 6, 6, false));
        Homework h1 = homework.get(0);
        assertThat(h1.tasks()).singleElement().satisfies(t -> assertThat(t.kind())
                .isEqualTo(TaskKind.DOC));
        assertThat(h1.pass().instructorApproval()).isTrue();
        assertThat(homework.get(1).tasks())
                .extracting(Task::kind)
                .containsExactly(TaskKind.PR, TaskKind.PR, TaskKind.PR, TaskKind.OTHER);
        assertThat(homework.get(15).tasks()).isEmpty();
        Week first = course.weeks().get(0);
        assertThat(first.lectures())
                .extracting(Lecture::title)
                .containsExactly("Introduction to ML in production", "Infrastructure");
        assertThat(first.goal()).startsWith("See what it takes");
        assertThat(first.webinar().title()).isEqualTo("Webinar");
    }

    @Test
    void recognisesSectionsWhateverTheHeadingLevelCaseOrTrailingColon() {
        Course course = read("""
                +++
                title = "Demo"
                +++
                ### PRINCIPLES
                - Ship early

                ## module 1 - Data
                - Storage

                #### links:
                - [Home](https://example.org/)

                # homework INSTRUCTIONS
                - Open a PR

                ## Tools To Install:
                - [Kind](https://kind.sigs.k8s.io/)
                """);

        assertThat(course.principles()).extracting(Principle::text).containsExactly("Ship early");
        assertThat(course.weeks()).singleElement().satisfies(w -> {
            assertThat(w.number()).isEqualTo(1);
            assertThat(w.title()).isEqualTo("Data");
        });
        assertThat(course.links()).containsExactly(new Link("Home", "https://example.org/"));
        assertThat(course.homeworkRules()).extracting(Point::title).containsExactly("Open a PR");
        assertThat(course.tools()).containsExactly(new Tool("Kind", "https://kind.sigs.k8s.io/"));
    }

    @Test
    void readsYamlFrontMatterAsJekyllWritesIt() {
        Course course = read("""
                ---
                title: Cooking for Engineers
                description: Heat, time and taste.
                ---
                # Week 1: Knives
                - Holding a knife
                """);

        assertThat(course.title()).isEqualTo("Cooking for Engineers");
        assertThat(course.description()).isEqualTo("Heat, time and taste.");
        assertThat(course.weeks().get(0).topics()).extracting(Point::title).containsExactly("Holding a knife");
    }

    @Test
    void keepsSectionsItDoesNotKnowAsTitledFreeText() {
        Course course = read("""
                +++
                title = "Demo"
                +++
                # Week 1: Start
                - One

                ## Office hours
                Tuesdays, *after* the lecture.

                # Grading
                Pass **every** homework.

                - and the coursework
                """);

        assertThat(course.weeks().get(0).sections())
                .containsExactly(new Section("Office hours", "Tuesdays, *after* the lecture."));
        assertThat(course.sections())
                .containsExactly(new Section("Grading", "Pass **every** homework.\n\n- and the coursework"));
    }

    @Test
    void takesTheCourseTitleFromCourseTomlBeforeTheAgendaFrontMatter() {
        CourseReader.Result result = CourseReader.read(
                "demo",
                List.of(
                        new ContentFile("demo/agenda.md", "+++\ntitle = \"Agenda\"\n+++\n# Week 1: Start\n- One\n"),
                        new ContentFile("demo/course.toml", "title = \"The Real Title\"\n")));

        assertThat(result.issues()).isEmpty();
        assertThat(result.course().title()).isEqualTo("The Real Title");
    }

    @Test
    void readsTheEvidencePolicyFromCourseTomlWithDefaultsWhereItSaysNothing() {
        Course course = CourseReader.read(
                        "demo",
                        List.of(
                                new ContentFile("demo/agenda.md", "# Week 1: Start\n- One\n"),
                                new ContentFile(
                                        "demo/course.toml",
                                        "title = \"T\"\n[evidence]\nreviewers = [\"Grace-TA\"]\nchecks = [\"unit-tests\"]\n")))
                .course();
        Course plain = read("+++\ntitle = \"T\"\n+++\n# Week 1: Start\n- One\n");

        assertThat(course.evidencePolicy().reviewers()).containsExactly("grace-ta");
        assertThat(course.evidencePolicy().checks()).containsExactly("unit-tests");
        assertThat(course.evidencePolicy().isReviewer("GRACE-ta")).isTrue();
        assertThat(plain.evidencePolicy()).isEqualTo(EvidencePolicy.DEFAULT);
    }

    @Test
    void aMalformedEvidencePolicyIsReportedAgainstCourseToml() {
        CourseReader.Result result = CourseReader.read(
                "demo",
                List.of(
                        new ContentFile("demo/agenda.md", "# Week 1: Start\n- One\n"),
                        new ContentFile(
                                "demo/course.toml",
                                "title = \"T\"\n[evidence]\nreviewers = [\"not a login\"]\nchecks = \"test\"\nreviewer = []\n")));

        assertThat(result.issues()).extracting(ContentIssue::file).containsOnly("demo/course.toml");
        assertThat(result.issues())
                .extracting(ContentIssue::message)
                .containsExactlyInAnyOrder(
                        "[evidence] has no setting 'reviewer': use reviewers, checks or self_ticks",
                        "evidence.reviewers: 'not a login' is not a GitHub login",
                        "evidence.checks must be a list of strings");
    }

    @Test
    void aMalformedDueLineIsNamedByFileAndLineAndAGoodOneIsRead() {
        String week = """
                +++
                title = "Week 1"
                +++

                ## H1: One

                - PR1: Do it

                Pass: 1 PR merged.

                Due: next Friday

                ## H2: Two

                - PR1: Do it

                Pass: 1 PR merged.

                Due: week 1 Sunday 18:00
                """;
        CourseReader.Result result = CourseReader.read(
                "demo",
                List.of(
                        new ContentFile("demo/agenda.md", "# Week 1: Intro\n\n- Topic\n"),
                        new ContentFile("demo/week-1.md", week),
                        new ContentFile(
                                "demo/course.toml",
                                "title = \"Demo\"\n[schedule]\ndue = \"+3 days\"\ntime_zone = \"Mars/Base\"\n")));

        assertThat(result.issues())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "demo/week-1.md:11: H1: 'Due: next Friday' is not a due date: write " + DueRule.FORMS,
                        "demo/course.toml: schedule.time_zone: 'Mars/Base' is not an IANA time zone like Europe/Kyiv");
        Homework h2 = result.course().weeks().get(0).homework().get(1);
        assertThat(h2.dueRule()).isEqualTo(new DueRule(1, DayOfWeek.SUNDAY, 0, LocalTime.of(18, 0)));
        assertThat(result.course().schedule().due())
                .isEqualTo(DueRule.parse("+3 days").orElseThrow());
    }

    @Test
    void aDueDateBeforeTheHomeworksOwnWeekIsRefused() {
        String agenda =
                "# Week 1: Intro\n\n- Topic\n\n# Week 2: More\n\n- Topic\n\n## H3: Late\n\n- PR1: Do it\n\nPass: 1 PR merged.\n\nDue: week 1 Friday\n";
        CourseReader.Result result = CourseReader.read(
                "demo",
                List.of(
                        new ContentFile("demo/agenda.md", agenda),
                        new ContentFile("demo/course.toml", "title = \"Demo\"\n")));
        assertThat(result.issues())
                .extracting(Object::toString)
                .containsExactly("demo/agenda.md:15: H3 is due in week 1, before its week 2 starts");
    }
}
