package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Entity tag matching (RFC 9110's weak comparison for If-None-Match) and the gzipped coding, decided directly. */
class RepresentationTest {

    private static final byte[] BODY =
            "{\"weeks\":[1,2,3,4,5,6,7,8]}".repeat(40).getBytes(StandardCharsets.UTF_8);

    private final Representation agenda = new Representation(BODY, "application/json", "v7-abc", false);

    @Test
    void theTagMatchesQuotedStrongOrWeakAloneOrInAList() {
        Representation.Coding plain = agenda.codedFor(null);
        assertThat(plain.matches("\"v7-abc\"")).isTrue();
        assertThat(plain.matches("W/\"v7-abc\"")).isTrue();
        assertThat(plain.matches("\"v6-xyz\", W/\"v7-abc\"")).isTrue();
        assertThat(plain.matches("*")).isTrue();
    }

    @Test
    void anotherTagAnUnquotedOneOrAPrefixDoesNot() {
        Representation.Coding plain = agenda.codedFor(null);
        assertThat(plain.matches("\"v6-xyz\"")).isFalse();
        assertThat(plain.matches("v7-abc")).isFalse();
        assertThat(plain.matches("\"v7-ab\"")).isFalse();
        assertThat(plain.matches("w/\"v7-abc\"")).isFalse();
        assertThat(plain.matches("")).isFalse();
    }

    @Test
    void aClientThatTakesGzipGetsTheSameBytesCompressedOnceUnderTheirOwnTag() throws IOException {
        Representation.Coding plain = agenda.codedFor("br");
        Representation.Coding gzipped = agenda.codedFor("gzip, deflate, br");

        assertThat(plain.body()).isEqualTo(BODY);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes())
                .isEqualTo(BODY);
        assertThat(gzipped.body().length).isLessThan(BODY.length / 4);
        assertThat(agenda.codedFor("gzip")).isSameAs(gzipped);
        // Two representations, two strong tags: a cache holding one coding never revalidates the other.
        assertThat(gzipped.etag()).isEqualTo("\"v7-abc-gzip\"");
        assertThat(gzipped.matches(plain.etag())).isFalse();
        assertThat(plain.matches(gzipped.etag())).isFalse();
    }
}
