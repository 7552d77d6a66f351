package dev.syllabus.content;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The marked lines of a homework, read and written directly. */
class HomeworkGrammarTest {

    @Test
    void aTaskLineGivesItsKindCodeOptionalMarkAndDescription() {
        HomeworkGrammar.TaskMarker marker =
                HomeworkGrammar.task("pr2 (Optional): Serve the model").orElseThrow();
        assertThat(marker).isEqualTo(new HomeworkGrammar.TaskMarker(TaskKind.PR, "PR2", true));
        assertThat(HomeworkGrammar.task("DOC optional : Write it down")
                        .orElseThrow()
                        .optional())
                .isTrue();
        assertThat(HomeworkGrammar.taskText("PR2 (optional):  Serve the model")).isEqualTo("Serve the model");
        assertThat(HomeworkGrammar.task("Read the paper: it is short")).isEmpty();
    }

    @Test
    void passAndDueLinesAreTheirMarkerFollowedByTheirText() {
        assertThat(HomeworkGrammar.isPass("Pass criterion: 6 PRs merged.")).isTrue();
        assertThat(HomeworkGrammar.passText("Pass criterion: 6 PRs merged.")).isEqualTo("6 PRs merged.");
        assertThat(HomeworkGrammar.due("due: +13 days")).contains("+13 days");
        assertThat(HomeworkGrammar.due("Due soon, no colon")).isEmpty();
        assertThat(HomeworkGrammar.criterion("4 PRs merged and approved", 6))
                .isEqualTo(new PassCriterion("4 PRs merged and approved", 4, 6, true));
    }

    @Property
    void aWrittenTaskLineIsReadBackAsTheSameTask(
            @ForAll("kinds") TaskKind kind,
            @ForAll @IntRange(min = 1, max = 999) int number,
            @ForAll boolean optional,
            @ForAll("descriptions") String description) {
        Task task = new Task("H1/" + kind + number, kind.name() + number, kind, description, optional);
        String line = HomeworkGrammar.taskLine(task) + description;

        assertThat(HomeworkGrammar.task(line)).contains(new HomeworkGrammar.TaskMarker(kind, task.code(), optional));
        assertThat(HomeworkGrammar.taskText(line)).isEqualTo(description);
    }

    @Property
    void proseThatLooksMarkedIsWrittenSoItIsNeverReadAsAMarker(@ForAll("markedProse") String prose) {
        String written = HomeworkGrammar.unmarked(prose);

        assertThat(HomeworkGrammar.task(written)).isEmpty();
        assertThat(HomeworkGrammar.isPass(written)).isFalse();
        assertThat(HomeworkGrammar.due(written)).isEmpty();
    }

    @Provide
    Arbitrary<TaskKind> kinds() {
        return Arbitraries.of(TaskKind.class);
    }

    @Provide
    Arbitrary<String> descriptions() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(' ', ':', '(', ')')
                .ofMinLength(1)
                .ofMaxLength(30)
                .map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    @Provide
    Arbitrary<String> markedProse() {
        Arbitrary<String> marker = Arbitraries.of(
                "Pass", "pass criterion", "Due", "PR", "PR12", "doc3 (optional)", "OTHER opt", "pr1 ( opt )");
        Arbitrary<String> space = Arbitraries.of("", " ", "  ");
        return Combinators.combine(marker, space, descriptions()).as((m, s, text) -> m + s + ": " + text);
    }
}
