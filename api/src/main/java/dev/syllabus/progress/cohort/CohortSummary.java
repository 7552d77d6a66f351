package dev.syllabus.progress.cohort;

import dev.syllabus.progress.checklist.HomeworkStatusRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a cohort stands on each homework: how many students passed it (on time or late), wait for the
 * instructor, were asked for changes, are on it or have not started, and how many are overdue. Pure,
 * from the cohort's rows, so that it is tested directly.
 */
final class CohortSummary {

    private CohortSummary() {}

    record Homework(
            String code,
            int students,
            int passed,

            int passedLate,

            int submitted,

            int changesRequested,

            int inProgress,
            int notStarted,

            int overdue) {}

    static List<Homework> of(List<CohortViews.Row> rows, Instant now) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (CohortViews.Row row : rows) {
            for (CohortViews.Cell cell : row.homework()) {
                int[] c = counts.computeIfAbsent(cell.code(), code -> new int[8]);
                c[0]++;
                switch (cell.status()) {
                    case PASSED -> {
                        c[1]++;
                        c[2] += cell.late() ? 1 : 0;
                    }
                    case SUBMITTED -> c[3]++;
                    case CHANGES_REQUESTED -> c[4]++;
                    case IN_PROGRESS -> c[5]++;
                    case NOT_STARTED -> c[6]++;
                }
                boolean due = cell.due() != null && cell.due().toInstant().isBefore(now);
                c[7] += cell.status() != HomeworkStatusRule.HomeworkStatus.PASSED && due ? 1 : 0;
            }
        }
        List<Homework> summary = new ArrayList<>();
        counts.forEach((code, c) -> summary.add(new Homework(code, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])));
        return summary;
    }
}
