package dev.syllabus.progress.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.progress.checklist.ChecklistViews;
import dev.syllabus.progress.checklist.HomeworkStatusRule.HomeworkStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortSummaryTest {

    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    private static final OffsetDateTime PAST = OffsetDateTime.of(2026, 9, 20, 23, 59, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime FUTURE = OffsetDateTime.of(2026, 10, 20, 23, 59, 0, 0, ZoneOffset.UTC);

    private static CohortViews.Row row(String login, CohortViews.Cell... cells) {
        return new CohortViews.Row(
                login,
                null,
                null,
                false,
                ChecklistViews.Completion.of(0, 1),
                new CohortViews.TickCounts(0, 0, 0),
                List.of(cells),
                null);
    }

    @Test
    void countsEachHomeworksStudentsByStatusLatenessAndOverdue() {
        List<CohortSummary.Homework> summary = CohortSummary.of(
                List.of(
                        row(
                                "ada",
                                new CohortViews.Cell("H1", HomeworkStatus.PASSED, true, PAST),
                                new CohortViews.Cell("H2", HomeworkStatus.IN_PROGRESS, false, FUTURE)),
                        row(
                                "bob",
                                new CohortViews.Cell("H1", HomeworkStatus.PASSED, false, PAST),
                                new CohortViews.Cell("H2", HomeworkStatus.SUBMITTED, false, FUTURE)),
                        row(
                                "cy",
                                new CohortViews.Cell("H1", HomeworkStatus.NOT_STARTED, false, PAST),
                                new CohortViews.Cell("H2", HomeworkStatus.CHANGES_REQUESTED, false, null))),
                NOW);

        assertThat(summary)
                .containsExactly(
                        new CohortSummary.Homework("H1", 3, 2, 1, 0, 0, 0, 1, 1),
                        new CohortSummary.Homework("H2", 3, 0, 0, 1, 1, 1, 0, 0));
        assertThat(CohortSummary.of(List.of(), NOW)).isEmpty();
    }
}
