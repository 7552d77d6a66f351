package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.syllabus.domain.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeepLinksTest {

    private static final List<DeepLinks.Offered> COURSE = List.of(
            new DeepLinks.Offered("H1", "Design"),
            new DeepLinks.Offered("H2", "Data"),
            new DeepLinks.Offered("H3", "Serving"));

    @Test
    void aPickKeepsTheCoursesOrderEachHomeworkOnce() {
        assertThat(DeepLinks.picked(COURSE, List.of("H3", " H1", "H3"), false, true))
                .extracting(DeepLinks.Offered::code)
                .containsExactly("H1", "H3");
        assertThat(DeepLinks.picked(COURSE, List.of("H1"), true, true))
                .as("cancelled")
                .isEmpty();
    }

    @Test
    void anEmptyPickOrAnUnknownHomeworkIsRefusedNamingTheField() {
        assertThatThrownBy(() -> DeepLinks.picked(COURSE, List.of(), false, true))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> DeepLinks.picked(COURSE, List.of("H1", "H9"), false, true))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("'H9'");
        assertThatThrownBy(() -> DeepLinks.picked(COURSE, List.of("H1", "H2"), false, false))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("one homework at a time");
        assertThat(DeepLinks.picked(COURSE, List.of("H2"), false, false)).hasSize(1);
    }

    @Test
    void theAnswerIsAddressedToThePlatformAndCarriesALineItemPerLink() {
        Instant now = Instant.parse("2026-12-08T10:00:00Z");
        JWTClaimsSet claims = DeepLinks.answer(
                new DeepLinks.Asker("https://lms.example", "client-1", "dep-1", "opaque"),
                COURSE.subList(0, 2),
                "https://syllabus.example",
                "ml-in-production",
                "n-1",
                now);
        assertThat(claims.getIssuer()).isEqualTo("client-1");
        assertThat(claims.getAudience()).containsExactly("https://lms.example");
        assertThat(claims.getExpirationTime().toInstant()).isAfter(now);
        assertThat(claims.getClaim("nonce")).isEqualTo("n-1");
        assertThat(claims.getClaim(LaunchRules.LTI + "deployment_id")).isEqualTo("dep-1");
        assertThat(claims.getClaim(LaunchRules.LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getClaim(DeepLinks.DATA)).isEqualTo("opaque");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) claims.getClaim(DeepLinks.CONTENT_ITEMS);
        assertThat(items).hasSize(2);
        assertThat(items.get(1))
                .containsEntry("type", "ltiResourceLink")
                .containsEntry("title", "H2: Data")
                .containsEntry("url", "https://syllabus.example/homework/H2?course=ml-in-production")
                .containsEntry("lineItem", Map.of("scoreMaximum", 100, "label", "H2: Data", "resourceId", "H2"));
    }
}
