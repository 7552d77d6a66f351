package dev.syllabus.progress.cohort;

import dev.syllabus.content.Homework;
import dev.syllabus.progress.checklist.HomeworkStatusRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades as a learning platform imports them: one row per student, one column per homework, a
 * score per status. A homework passed on time scores {@link #POINTS}; passed late, that less the
 * course's late penalty (in percentage points) and marked late; not passed once due, 0; not passed
 * and not yet due, blank, so an import leaves the platform's cell alone.
 */
final class Gradebook {

    static final int POINTS = 100;

    enum Format {
        CANVAS,
        MOODLE
    }

    private Gradebook() {}

    /** A homework's score for one student, or "" when it is not graded yet. */
    static String score(CohortViews.Cell cell, int latePenalty, Instant now) {
        if (cell.status() == HomeworkStatusRule.HomeworkStatus.PASSED) {
            return Integer.toString(cell.late() ? Math.max(0, POINTS - latePenalty) : POINTS);
        }
        boolean due = cell.due() == null || !cell.due().toInstant().isAfter(now);
        return due ? "0" : "";
    }

    static String write(
            Format format,
            List<Homework> homework,
            List<CohortViews.Row> rows,
            String section,
            int latePenalty,
            Instant now) {
        return format == Format.CANVAS
                ? canvas(homework, rows, section, latePenalty, now)
                : moodle(homework, rows, latePenalty, now);
    }

    /**
     * Canvas' gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, one column per
     * assignment (Canvas creates the ones it does not know), a Points Possible row, and the Notes
     * column (Canvas' own custom column) listing the homework passed late.
     */
    private static String canvas(
            List<Homework> homework, List<CohortViews.Row> rows, String section, int latePenalty, Instant now) {
        List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        homework.forEach(h -> header.add(h.code() + ": " + h.title()));
        header.add("Notes");
        List<List<String>> lines = new ArrayList<>();
        List<String> possible = new ArrayList<>(List.of("    Points Possible", "", "", "", ""));
        homework.forEach(h -> possible.add(Integer.toString(POINTS)));
        possible.add("");
        lines.add(possible);
        for (CohortViews.Row row : rows) {
            Map<String, CohortViews.Cell> cells = byCode(row);
            List<String> line = new ArrayList<>(List.of(
                    row.name() == null ? row.login() : row.name(),
                    "",
                    row.login(),
                    row.email() == null ? row.login() : row.email(),
                    section));
            homework.forEach(
                    h -> line.add(cells.containsKey(h.code()) ? score(cells.get(h.code()), latePenalty, now) : ""));
            line.add(notes(homework, cells, row));
            lines.add(line);
        }
        return SpreadsheetCsv.write(header, lines);
    }

    /**
     * Moodle's "Import grades from CSV": an identifying column (map "Email address" or "Username" to
     * the user field of the same name), then per homework a grade column and a feedback column (map
     * each to the grade item and to its feedback) that says "Passed late" where it was.
     */
    private static String moodle(List<Homework> homework, List<CohortViews.Row> rows, int latePenalty, Instant now) {
        List<String> header = new ArrayList<>(List.of("Username", "Email address", "Full name"));
        homework.forEach(h -> {
            header.add(h.code() + ": " + h.title());
            header.add(h.code() + " feedback");
        });
        List<List<String>> lines = new ArrayList<>();
        for (CohortViews.Row row : rows) {
            Map<String, CohortViews.Cell> cells = byCode(row);
            List<String> line = new ArrayList<>(
                    List.of(row.login(), row.email() == null ? "" : row.email(), row.name() == null ? "" : row.name()));
            homework.forEach(h -> {
                CohortViews.Cell cell = cells.get(h.code());
                line.add(cell == null ? "" : score(cell, latePenalty, now));
                line.add(
                        cell != null && cell.late()
                                ? "Passed late" + (latePenalty > 0 ? " (-" + latePenalty + ")" : "")
                                : "");
            });
            lines.add(line);
        }
        return SpreadsheetCsv.write(header, lines);
    }

    private static Map<String, CohortViews.Cell> byCode(CohortViews.Row row) {
        return row.homework().stream().collect(Collectors.toMap(CohortViews.Cell::code, c -> c));
    }

    /** The Notes column: homework passed late, and GitHub evidence nobody proved is the student's. */
    private static String notes(List<Homework> homework, Map<String, CohortViews.Cell> cells, CohortViews.Row row) {
        String late = homework.stream()
                .map(Homework::code)
                .filter(code -> cells.containsKey(code) && cells.get(code).late())
                .collect(Collectors.joining(", "));
        return Stream.of(late.isEmpty() ? "" : "Passed late: " + late, row.evidenceNote())
                .filter(note -> !note.isEmpty())
                .collect(Collectors.joining("; "));
    }
}
