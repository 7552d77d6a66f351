package dev.syllabus.progress.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** CSV for spreadsheets, written directly: quoted where needed, formulas defused. */
class SpreadsheetCsvTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(SpreadsheetCsv.cell("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCsv.cell("ada")).isEqualTo("ada");
        assertThat(SpreadsheetCsv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        String csv =
                SpreadsheetCsv.write(List.of("login", "name"), List.of(List.of("ada", "Lovelace, \"Ada\"\nCountess")));
        assertThat(csv).startsWith("login,name\nada,\"Lovelace, \"\"Ada\"\"\nCountess\"");
    }

    @Property
    void everyCellReadsBackAsItsSafeSelf(@ForAll("rows") List<String> cells) throws IOException {
        List<String> header =
                IntStream.range(0, cells.size() + 1).mapToObj(i -> "c" + i).toList();
        List<String> row = new ArrayList<>(cells);
        row.add("end");

        String csv = SpreadsheetCsv.write(header, List.of(row));

        CsvMapper reader =
                CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> lines =
                reader.readerForListOf(String.class).readValues(csv)) {
            List<List<String>> read = lines.readAll();
            assertThat(read.get(0)).isEqualTo(header);
            assertThat(read.get(1))
                    .isEqualTo(row.stream().map(SpreadsheetCsvTest::safe).toList());
        }
    }

    /** Cells of any text, many starting with a character a spreadsheet treats as a formula's start. */
    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> starts = Arbitraries.of("", "=", "+", "-", "@", "\t", "\r", "'", "a", " ", "\"", ",");
        Arbitrary<String> cell = Combinators.combine(
                        starts, Arbitraries.strings().ofMaxLength(20))
                .as(String::concat);
        return cell.list().ofMaxSize(8);
    }

    /**
     * The expected cell, stated apart from the code under test (OWASP's CSV injection advice): a cell a
     * spreadsheet would run as a formula or command, one starting with = + - @ tab or carriage return,
     * is prefixed with a quote; anything else is written as it is.
     */
    private static String safe(String value) {
        boolean formula = !value.isEmpty()
                && (value.startsWith("=")
                        || value.startsWith("+")
                        || value.startsWith("-")
                        || value.startsWith("@")
                        || value.startsWith("\t")
                        || value.startsWith("\r"));
        return formula ? "'" + value : value;
    }
}
