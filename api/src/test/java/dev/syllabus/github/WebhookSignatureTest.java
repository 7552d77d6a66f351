package dev.syllabus.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsDocumentedTestVectorPasses() {
        assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo(EXPECTED);
        assertThat(WebhookSignature.verify(SECRET, BODY, EXPECTED)).isTrue();
    }

    @Test
    void aWrongMissingOrForeignSignatureFails() {
        assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, EXPECTED.replace("e17", "e18")))
                .isFalse();
        assertThat(WebhookSignature.verify("another secret", BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), EXPECTED))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "sha1=" + EXPECTED.substring(7)))
                .isFalse();
    }
}
