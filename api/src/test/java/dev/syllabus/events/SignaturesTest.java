package dev.syllabus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Syllabus signs, verified by the Standard Webhooks reference library, an independent implementation. */
class SignaturesTest {

    private static final String BODY = "{\"type\":\"checklist.item.changed\",\"data\":{\"item\":{\"id\":\"H3/PR1\"}}}";

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void theReferenceLibraryVerifiesWhatIsSignedAndRefusesAnyChange() throws Exception {
        String secret = Signatures.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = Signatures.header(List.of(secret), "msg_1", now, BODY);

        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(signature).startsWith("v1,");
        new Webhook(secret).verify(BODY, headers("msg_1", now, signature));

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("H3", "H4"), headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers("msg_2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        String old = Signatures.newSecret();
        String fresh = Signatures.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = Signatures.header(List.of(fresh, old), "msg_1", now, BODY);

        assertThat(signature.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(old).verify(BODY, headers("msg_1", now, signature));
        new Webhook(fresh).verify(BODY, headers("msg_1", now, signature));
    }

    @Test
    void theSpecificationsOwnExampleSignsAlike() throws Exception {
        // The reference library signs too: both must agree on every byte of the signature.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        long timestamp = 1614265330;
        String body = "{\"test\": 2432232314}";
        assertThat(Signatures.header(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, body))
                .isEqualTo(new Webhook(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, body));
    }
}
