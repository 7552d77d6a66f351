package dev.syllabus.progress.cohort;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV for people to open in a spreadsheet: Jackson writes it (quoting as needed), and a cell that a
 * spreadsheet would run as a formula is defused first (CSV injection).
 */
public final class SpreadsheetCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private SpreadsheetCsv() {}

    /** A header line and the rows, every cell made safe. */
    public static String write(List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        List<List<String>> safe = rows.stream()
                .map(row -> row.stream().map(SpreadsheetCsv::cell).toList())
                .toList();
        try (StringWriter out = new StringWriter()) {
            CSV.writer(schema.build().withHeader())
                    .writeValues(out)
                    .writeAll(safe)
                    .close();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps spreadsheets from running a cell as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
    }
}
