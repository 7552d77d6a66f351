package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Accept-Encoding, as the curriculum's answers read it to choose gzip or the bytes as they are. */
class ContentCodingTest {

    @Test
    void gzipIsTakenWhenListedOrCoveredByAnAsteriskWithAPositiveQuality() {
        assertThat(ContentCoding.acceptsGzip("gzip")).isTrue();
        assertThat(ContentCoding.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(ContentCoding.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(ContentCoding.acceptsGzip("x-gzip")).isTrue();
        assertThat(ContentCoding.acceptsGzip("*")).isTrue();
        assertThat(ContentCoding.acceptsGzip("br, *;q=0.1")).isTrue();
    }

    @Test
    void noHeaderAQualityOfZeroOrAMalformedElementLeaveTheBytesAsTheyAre() {
        assertThat(ContentCoding.acceptsGzip(null)).isFalse();
        assertThat(ContentCoding.acceptsGzip("")).isFalse();
        assertThat(ContentCoding.acceptsGzip("identity")).isFalse();
        assertThat(ContentCoding.acceptsGzip("deflate, br")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0.000, *")).isFalse();
        assertThat(ContentCoding.acceptsGzip("*;q=0")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=2")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=abc")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;level=9")).isFalse();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0.5;q=1")).isFalse();
    }

    /** However the elements are ordered, cased and spaced, gzip's own quality decides when it is named. */
    @Property
    void anExplicitGzipQualityDecidesWhateverSurroundsIt(
            @ForAll("qualities") String quality,
            @ForAll("otherElements") List<String> others,
            @ForAll boolean upperCase,
            @ForAll("positions") int position) {
        String gzip = (upperCase ? "GZIP" : "gzip") + " ; q=" + quality;
        List<String> elements = new ArrayList<>(others);
        elements.add(Math.min(position, elements.size()), gzip);
        String header = String.join(" ,", elements);

        boolean positive = quality.chars().anyMatch(c -> c >= '1' && c <= '9');
        assertThat(ContentCoding.acceptsGzip(header)).as(header).isEqualTo(positive);
    }

    @Provide
    Arbitrary<String> qualities() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "0.", "1", "1.", "1.0", "1.000"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).map(digits -> "0." + digits));
    }

    @Provide
    Arbitrary<List<String>> otherElements() {
        return Arbitraries.of("deflate", "br;q=0.9", "*", "*;q=0", "identity;q=0", "zstd", "compress;q=0.3")
                .list()
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 4);
    }
}
