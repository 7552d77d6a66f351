package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What makes a verified id_token a launch this login asked for. */
class LaunchRulesTest {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final LaunchRules.Expected EXPECTED =
            new LaunchRules.Expected("https://lms.example", "tool-1", "nonce-1", NOW, Duration.ofSeconds(60));

    private static JWTClaimsSet.Builder launch() {
        return new JWTClaimsSet.Builder()
                .issuer("https://lms.example")
                .audience("tool-1")
                .subject("user-7")
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", "nonce-1")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "deployment_id", "deployment-1")
                .claim(LTI + "resource_link", Map.of("id", "link-1"));
    }

    private static java.util.Optional<String> refusal(UnaryOperator<JWTClaimsSet.Builder> change) {
        return LaunchRules.refusal(change.apply(launch()).build(), EXPECTED, Set.of("deployment-1")::contains);
    }

    @Test
    void theLaunchTheLoginAskedForPasses() {
        assertThat(refusal(claims -> claims)).isEmpty();
    }

    @Test
    void eachClaimThatIsNotTheLoginsIsNamed() {
        assertThat(refusal(claims -> claims.issuer("https://other.example")))
                .get()
                .asString()
                .contains("issuer");
        assertThat(refusal(claims -> claims.audience("tool-2")))
                .get()
                .asString()
                .contains("audience");
        assertThat(refusal(claims -> claims.audience(List.of("tool-1", "tool-2"))))
                .get()
                .asString()
                .contains("azp");
        assertThat(refusal(
                        claims -> claims.audience(List.of("tool-1", "tool-2")).claim("azp", "tool-1")))
                .isEmpty();
        assertThat(refusal(claims -> claims.claim("azp", "tool-2")))
                .get()
                .asString()
                .contains("azp");
        assertThat(refusal(claims -> claims.claim("nonce", "nonce-2")))
                .get()
                .asString()
                .contains("nonce");
        assertThat(refusal(claims -> claims.claim("nonce", null)))
                .get()
                .asString()
                .contains("nonce");
        assertThat(refusal(claims -> claims.claim(LTI + "version", "1.1")))
                .get()
                .asString()
                .contains("1.3.0");
        assertThat(refusal(claims -> claims.claim(LTI + "message_type", "LtiSubmissionReviewRequest")))
                .get()
                .asString()
                .contains("LtiSubmissionReviewRequest");
        assertThat(refusal(claims -> claims.claim(LTI + "deployment_id", "deployment-2")))
                .get()
                .asString()
                .contains("deployment-2");
        assertThat(refusal(claims -> claims.subject(null))).get().asString().contains("sub");
        assertThat(refusal(claims -> claims.claim(LTI + "resource_link", null)))
                .get()
                .asString()
                .contains("resource_link");
    }

    @Test
    void theLifetimeIsReadWithTheSkewAndNoMore() {
        assertThat(refusal(claims -> claims.expirationTime(Date.from(NOW.minusSeconds(59)))))
                .isEmpty();
        assertThat(refusal(claims -> claims.expirationTime(Date.from(NOW.minusSeconds(61)))))
                .get()
                .asString()
                .contains("expired");
        assertThat(refusal(claims -> claims.expirationTime(null)))
                .get()
                .asString()
                .contains("expired");
        assertThat(refusal(claims -> claims.issueTime(Date.from(NOW.plusSeconds(59)))))
                .isEmpty();
        assertThat(refusal(claims -> claims.issueTime(Date.from(NOW.plusSeconds(61)))))
                .get()
                .asString()
                .contains("iat");
        assertThat(refusal(claims -> claims.issueTime(null))).get().asString().contains("iat");
    }

    @Test
    void aDeepLinkingRequestNeedsWhereToAnswer() {
        UnaryOperator<JWTClaimsSet.Builder> deepLinking = claims ->
                claims.claim(LTI + "message_type", "LtiDeepLinkingRequest").claim(LTI + "resource_link", null);
        assertThat(refusal(deepLinking)).get().asString().contains("deep_link_return_url");
        assertThat(refusal(claims -> deepLinking
                        .apply(claims)
                        .claim(
                                LaunchRules.DEEP_LINKING_SETTINGS,
                                Map.of("deep_link_return_url", "https://lms.example/dl"))))
                .isEmpty();
    }

    @Test
    void anAcceptedLaunchIsReadWithItsNameRolesAndContext() {
        LaunchRules.Launch launch = LaunchRules.read(launch().claim("given_name", "Ada")
                .claim("family_name", "Lovelace")
                .claim(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(LTI + "context", Map.of("id", "c-1", "title", "ML in Production"))
                .claim(LTI + "target_link_uri", "https://syllabus.example/?course=ml")
                .build());
        assertThat(launch.name()).isEqualTo("Ada Lovelace");
        assertThat(launch.contextId()).isEqualTo("c-1");
        assertThat(launch.contextTitle()).isEqualTo("ML in Production");
        assertThat(launch.roles()).hasSize(1);
        assertThat(launch.deepLinking()).isFalse();
        assertThat(launch.targetLinkUri()).isEqualTo("https://syllabus.example/?course=ml");
    }
}
