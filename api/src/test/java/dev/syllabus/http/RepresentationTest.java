package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Entity tag matching (RFC 9110's weak comparison for If-None-Match), decided directly. */
class RepresentationTest {

    private final Representation agenda =
            new Representation("{}".getBytes(StandardCharsets.UTF_8), "application/json", "v7-abc", false);

    @Test
    void theTagMatchesQuotedStrongOrWeakAloneOrInAList() {
        assertThat(agenda.matches("\"v7-abc\"")).isTrue();
        assertThat(agenda.matches("W/\"v7-abc\"")).isTrue();
        assertThat(agenda.matches("\"v6-xyz\", W/\"v7-abc\"")).isTrue();
        assertThat(agenda.matches("*")).isTrue();
    }

    @Test
    void anotherTagAnUnquotedOneOrAPrefixDoesNot() {
        assertThat(agenda.matches("\"v6-xyz\"")).isFalse();
        assertThat(agenda.matches("v7-abc")).isFalse();
        assertThat(agenda.matches("\"v7-ab\"")).isFalse();
        assertThat(agenda.matches("w/\"v7-abc\"")).isFalse();
        assertThat(agenda.matches("")).isFalse();
    }
}
