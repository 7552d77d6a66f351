package dev.syllabus.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Which task a pull request is for, by the students' naming convention, decided directly. */
class TaskMatcherTest {

    private static final Set<String> ITEMS = Set.of("H3/PR1", "H3/PR2", "H4/DOC", "H10/PR6");

    @Test
    void theTitleWinsOverTheBodyAndBothOverTheBranch() {
        assertThat(TaskMatcher.match(ITEMS, "H3 PR2: serve it", "closes [H3/PR1]", "hw4-pr1"))
                .contains("H3/PR2");
        assertThat(TaskMatcher.match(ITEMS, "Serve it", "part of h3-pr1", "hw3-pr2"))
                .contains("H3/PR1");
        assertThat(TaskMatcher.match(ITEMS, "Serve it", null, "feature/hw10_pr6"))
                .contains("H10/PR6");
    }

    @Test
    void aNameThatIsNoTaskOfTheCourseIsPassedOverForTheNextOne() {
        assertThat(TaskMatcher.match(ITEMS, "H9 PR1 then H4 DOC", "", "")).contains("H4/DOC");
        assertThat(TaskMatcher.match(ITEMS, "H3PR1 glued", "H33 PR1", "hw9-pr9"))
                .isEmpty();
        assertThat(TaskMatcher.match(ITEMS, "zH3 PR1", null, null)).isEmpty();
    }

    @Test
    void onlyTheFirstPartOfAHugeBodyIsRead() {
        String late = "x".repeat(TaskMatcher.MAX_TEXT) + " H3 PR1";
        assertThat(TaskMatcher.match(ITEMS, "", late, "")).isEmpty();
        assertThat(TaskMatcher.match(ITEMS, "", late.substring(TaskMatcher.MAX_TEXT - 100), ""))
                .contains("H3/PR1");
    }

    @Property
    void everySpellingOfTheConventionNamesTheSameTask(
            @ForAll @IntRange(min = 1, max = 999) int homework,
            @ForAll @IntRange(min = 1, max = 999) int pr,
            @ForAll("separators") String separator,
            @ForAll boolean upperCase) {
        String tag = "H" + homework + separator + "PR" + pr;
        String id = "H" + homework + "/PR" + pr;
        String written = upperCase ? tag : tag.toLowerCase(Locale.ROOT);

        assertThat(TaskMatcher.match(Set.of(id), "Done: " + written + ".", null, null))
                .contains(id);
        assertThat(TaskMatcher.match(Set.of(id), null, null, "hw" + homework + "-pr" + pr))
                .contains(id);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "/", "-", " / ", "\t", "   ");
    }
}
