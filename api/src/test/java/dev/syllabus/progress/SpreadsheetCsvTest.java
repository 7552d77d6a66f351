package dev.syllabus.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
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
    void everyCellReadsBackAsItsSafeSelf(@ForAll List<@StringLength(max = 20) String> cells) throws IOException {
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
                    .isEqualTo(row.stream().map(SpreadsheetCsv::cell).toList());
        }
    }
}
