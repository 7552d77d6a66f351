package dev.syllabus.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentCheckTest {

    private static final String FRONT = "+++\ntitle = \"Demo\"\n+++\n";

    private static List<String> issues(String agenda, ContentFile... more) {
        List<ContentFile> files = new ArrayList<>(List.of(new ContentFile("demo/agenda.md", FRONT + agenda)));
        files.addAll(List.of(more));
        return CourseReader.read("demo", files).issues().stream()
                .map(ContentIssue::toString)
                .toList();
    }

    @Test
    void weekNumbersMustHaveNoGap() {
        assertThat(issues("# Week 1: A\n- a\n\n# Week 3: C\n- c\n"))
                .containsExactly("demo/agenda.md:7: week 3 follows week 1: week 2 is missing");
    }

    @Test
    void weekNumbersMustBeUnique() {
        assertThat(issues("# Week 1: A\n- a\n\n# Week 1: Again\n- b\n"))
                .containsExactly("demo/agenda.md:7: week 1 appears twice (first at line 4)");
    }

    @Test
    void homeworkCodesMustBeUnique() {
        assertThat(issues("# Week 1: A\n## H1: One\nPass: None.\n## H1: Two\nPass: None.\n"))
                .containsExactly("demo/agenda.md:7: homework code H1 is used twice (first at demo/agenda.md:5)");
    }

    @Test
    void pullRequestTasksMustBeNumberedWithoutGaps() {
        assertThat(issues("# Week 1: A\n## H1: One\n- PR1: a\n- PR2: b\n- PR3: c\n- PR5: e\n\nPass: 4 PRs merged.\n"))
                .containsExactly("demo/agenda.md:9: H1: expected PR4 here but found PR5 "
                        + "(tasks of a kind are numbered PR1, PR2, ... without gaps)");
    }

    @Test
    void aTaskCodeMayNotRepeat() {
        assertThat(issues("# Week 1: A\n## H1: One\n- PR1: a\n- PR1: again\n\nPass: 2 PRs merged.\n"))
                .containsExactly("demo/agenda.md:7: H1: PR1 is listed twice");
    }

    @Test
    void passCriterionMayNotAskForMorePullRequestsThanAreListed() {
        String sixTasksSevenRequired = "# Week 1: A\n## H3: Data\n"
                + "- PR1: a\n- PR2: b\n- PR3: c\n- PR4: d\n- PR5: e\n- PR6: f\n\nPass: 7 PRs merged.\n";
        assertThat(issues(sixTasksSevenRequired))
                .containsExactly(
                        "demo/agenda.md:5: H3: the pass criterion asks for 7 PRs but only 6 PR tasks are listed");
    }

    @Test
    void passCriterionMayNotAskForFewerPullRequestsThanAreRequired() {
        assertThat(issues("# Week 1: A\n## H2: Infra\n- PR1: a\n- PR2: b\n- PR3 (optional): c\n\nPass: 1 PR merged.\n"))
                .containsExactly(
                        "demo/agenda.md:5: H2: the pass criterion asks for 1 PR but 2 PR tasks are not optional");
    }

    @Test
    void optionalTasksLetTheCriterionCountFewerThanListed() {
        assertThat(issues(
                        "# Week 1: A\n## H2: Infra\n- PR1: a\n- PR2: b\n- PR3 (optional): c\n\nPass: 2 PRs merged.\n"))
                .isEmpty();
    }

    @Test
    void homeworkWithTasksNeedsAPassCriterion() {
        assertThat(issues("# Week 1: A\n## H1: One\n- PR1: a\n"))
                .containsExactly(
                        "demo/agenda.md:5: H1 has tasks but no pass criterion: add a line 'Pass: N PRs merged.'");
    }

    @Test
    void everyLinkMustBeAnAbsoluteHttpUrl() {
        assertThat(issues("# Week 1: A\n- See [notes](notes.html)\n- [mail](mailto:a@b.c)\n"))
                .containsExactly(
                        "demo/agenda.md:5: link 'notes.html' is not an absolute http(s) URL",
                        "demo/agenda.md:6: link 'mailto:a@b.c' is not an absolute http(s) URL");
    }

    @Test
    void weeksAreNumberedFromOne() {
        assertThat(issues("# Week 2: B\n- b\n"))
                .containsExactly("demo/agenda.md:4: the first week is week 2: weeks are numbered from 1");
    }

    @Test
    void weekPagesNeedAWeekInTheAgenda() {
        assertThat(issues("# Week 1: A\n- a\n", new ContentFile("demo/week-2.md", "## Goal\nMore.\n")))
                .containsExactly("demo/week-2.md: week 2 has a page but no 'Week 2: Title' heading in agenda.md");
    }

    @Test
    void weekPartsOutsideAWeekAreReported() {
        assertThat(issues("# Principles\n- a\n\n## H1: Lost\nPass: None.\n"))
                .containsExactly("demo/agenda.md:7: 'H1: Lost' must come under a 'Week N: Title' heading");
    }

    @Test
    void linksAndToolsNeedALink() {
        assertThat(issues("# Links\n- Just text\n"))
                .containsExactly("demo/agenda.md:5: 'Just text' has no link: write it as [title](https://...)");
    }

    @Test
    void brokenFrontMatterIsReportedWithItsLine() {
        List<ContentIssue> found = CourseReader.read(
                        "demo",
                        List.of(new ContentFile(
                                "demo/agenda.md", "+++\ntitle = \"Demo\"\nthis is not toml\n+++\n# Week 1: A\n")))
                .issues();
        assertThat(found)
                .filteredOn(issue -> issue.file().equals("demo/agenda.md"))
                .singleElement()
                .satisfies(issue -> {
                    assertThat(issue.file()).isEqualTo("demo/agenda.md");
                    assertThat(issue.line()).isEqualTo(3);
                    assertThat(issue.message()).startsWith("front matter is not valid TOML");
                });
    }

    @Test
    void anOptionalMarkThePassCriterionMakesMeaninglessIsAWarningWithItsLineNotAnError() {
        CourseReader.Result result = CourseReader.read(
                "demo",
                List.of(new ContentFile(
                        "demo/agenda.md",
                        "+++\ntitle = \"T\"\n+++\n# Week 1: Start\n\n## H1: First\n\n- PR1: One\n- PR2 (optional): Two\n\nPass: 2 PRs merged.\n\n"
                                + "## H2: Second\n\n- PR1: One\n- PR2 (optional): Two\n\nPass: 1 PR merged.\n")));

        assertThat(result.issues()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings())
                .extracting(ContentIssue::toString)
                .containsExactly(
                        "demo/agenda.md:9: H1: PR2 is marked optional, but the pass criterion asks for 2 PRs, every one listed: the mark changes nothing");
    }

    @Test
    void replacingACourseReportsTheHomeworkAndTasksItTakesOffTheChecklists() {
        Course published = course("## H1: First\n\n- PR1: One\n- PR2: Two\n\nPass: 2 PRs merged.\n\n"
                + "## H2: Second\n\n- PR1: One\n\nPass: 1 PR merged.\n");
        Course uploaded = course("## H1: First\n\n- PR1: One\n\nPass: 1 PR merged.\n");

        assertThat(ContentCheck.dropped(published, uploaded, "demo/agenda.md"))
                .extracting(ContentIssue::toString)
                .containsExactly(
                        "demo/agenda.md: H1: PR2 is not in the upload: it leaves every checklist; students' ticks are kept and show again if it returns",
                        "demo/agenda.md: H2 is not in the upload: it leaves every checklist with its 1 task(s); students' ticks are kept and show again if it returns");
        assertThat(ContentCheck.dropped(uploaded, published, "demo/agenda.md"))
                .as("adding homework and tasks takes nothing away")
                .isEmpty();
        assertThat(ContentCheck.dropped(published, published, "demo/agenda.md")).isEmpty();
    }

    private static Course course(String homework) {
        CourseReader.Result result = CourseReader.read(
                "demo",
                List.of(new ContentFile("demo/agenda.md", "+++\ntitle = \"T\"\n+++\n# Week 1: Start\n\n" + homework)));
        assertThat(result.issues()).isEmpty();
        return result.course();
    }
}
