package dev.syllabus.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.content.Run;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which run endpoints without a run in their address use, decided directly. */
class CurrentRunRuleTest {

    private static final Run SPRING = new Run("spring", "Spring", LocalDate.of(2026, 2, 2), "Europe/Kyiv");
    private static final Run AUTUMN = new Run("autumn", "Autumn", LocalDate.of(2026, 9, 7), "Europe/Kyiv");

    @Test
    void theLatestRunThatHasStartedIsCurrentSoANewRunTakesOverOnItsFirstDay() {
        List<Run> runs = List.of(AUTUMN, SPRING);
        assertThat(CurrentRunRule.current(runs, Instant.parse("2026-06-01T00:00:00Z")))
                .contains(SPRING);
        // 22:00 UTC on 6 September is already 7 September in Kyiv.
        assertThat(CurrentRunRule.current(runs, Instant.parse("2026-09-06T20:00:00Z")))
                .contains(SPRING);
        assertThat(CurrentRunRule.current(runs, Instant.parse("2026-09-06T22:00:00Z")))
                .contains(AUTUMN);
        assertThat(CurrentRunRule.current(runs, Instant.parse("2027-01-01T00:00:00Z")))
                .contains(AUTUMN);
    }

    @Test
    void beforeAnyRunStartsTheFirstToStartIsCurrent() {
        assertThat(CurrentRunRule.current(List.of(AUTUMN, SPRING), Instant.parse("2025-12-01T00:00:00Z")))
                .contains(SPRING);
        assertThat(CurrentRunRule.current(List.of(), Instant.now())).isEmpty();
    }
}
