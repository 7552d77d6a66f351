package dev.syllabus.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Due rules as authors write them, read and resolved directly. */
class DueRuleTest {

    /** A run starting on Monday 7 September 2026: week N starts N - 1 weeks later. */
    private static final IntFunction<LocalDate> WEEKS =
            n -> LocalDate.of(2026, 9, 7).plusWeeks(n - 1L);

    @Test
    void aRelativeRuleCountsDaysFromTheStartOfTheHomeworksWeekAtTheEndOfTheDay() {
        DueRule rule = DueRule.parse("+10 days").orElseThrow();
        assertThat(rule.dueAt(2, WEEKS)).isEqualTo(LocalDateTime.of(2026, 9, 24, 23, 59));
        assertThat(DueRule.parse("+6 days 18:00").orElseThrow().dueAt(1, WEEKS))
                .isEqualTo(LocalDateTime.of(2026, 9, 13, 18, 0));
        assertThat(DueRule.parse("+1 day at 9:30.").orElseThrow().dueAt(1, WEEKS))
                .isEqualTo(LocalDateTime.of(2026, 9, 8, 9, 30));
    }

    @Test
    void aWeekdayRuleNamesTheDayWithinThatWeekWhateverTheHomeworksOwnWeek() {
        DueRule rule = DueRule.parse("week 3 Sunday 23:59").orElseThrow();
        assertThat(rule.week()).isEqualTo(3);
        assertThat(rule.weekday()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(rule.dueAt(1, WEEKS)).isEqualTo(LocalDateTime.of(2026, 9, 27, 23, 59));
        assertThat(DueRule.parse("Week 2 fri 12:00").orElseThrow().dueAt(2, WEEKS))
                .isEqualTo(LocalDateTime.of(2026, 9, 18, 12, 0));
        // A run that starts on a Saturday: the week's Sunday is its second day.
        IntFunction<LocalDate> fromSaturday = n -> LocalDate.of(2022, 9, 3).plusWeeks(n - 1L);
        assertThat(DueRule.parse("week 1 Sunday").orElseThrow().dueAt(1, fromSaturday))
                .isEqualTo(LocalDateTime.of(2022, 9, 4, 23, 59));
    }

    @Test
    void malformedRulesAreRefused() {
        for (String bad : new String[] {
            "",
            "next Friday",
            "+ten days",
            "+10 weeks",
            "+10 days 25:00",
            "+10 days 12:60",
            "week 0 Monday",
            "week 3 Someday 10:00",
            "week 3",
            "+999 days",
            "10 days"
        }) {
            assertThat(DueRule.parse(bad)).as(bad).isEmpty();
        }
    }

    @Property
    void aRuleReadsBackFromTheTextItIsWrittenAs(@ForAll("rules") DueRule rule) {
        assertThat(DueRule.parse(rule.text())).contains(rule);
        assertThat(rule.text()).matches(DueRule.PATTERN);
    }

    @Property
    void aDueTimeNeverFallsBeforeItsWeekStartsWhenTheRuleIsRelative(@ForAll("rules") DueRule rule) {
        if (rule.week() == null) {
            assertThat(rule.dueAt(3, WEEKS)).isAfterOrEqualTo(WEEKS.apply(3).atStartOfDay());
        } else {
            LocalDateTime due = rule.dueAt(1, WEEKS);
            assertThat(due.toLocalDate())
                    .isBetween(
                            WEEKS.apply(rule.week()), WEEKS.apply(rule.week()).plusDays(6));
            assertThat(due.getDayOfWeek()).isEqualTo(rule.weekday());
        }
    }

    @Provide
    Arbitrary<DueRule> rules() {
        Arbitrary<LocalTime> times = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59))
                .as(LocalTime::of);
        Arbitrary<DueRule> relative = Combinators.combine(Arbitraries.integers().between(0, DueRule.MAX_DAYS), times)
                .as((days, time) -> new DueRule(null, null, days, time));
        Arbitrary<DueRule> weekday = Combinators.combine(
                        Arbitraries.integers().between(1, 52), Arbitraries.of(DayOfWeek.class), times)
                .as((week, day, time) -> new DueRule(week, day, 0, time));
        return Arbitraries.oneOf(relative, weekday);
    }
}
