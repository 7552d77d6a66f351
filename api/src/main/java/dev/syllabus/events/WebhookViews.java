package dev.syllabus.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What the webhook endpoints read and answer. */
public final class WebhookViews {

    private WebhookViews() {}

    /** A subscription as an instructor writes it; {@code enabled} defaults to true, {@code ordered} to false. */
    public record SubscriptionRequest(
            @NotNull @Size(max = 2000) String url,
            @NotNull @Size(min = 1, max = 20) List<String> events,
            @Size(max = 500) String description,
            Boolean enabled,
            Boolean ordered) {}

    /**
     * A subscription; {@code secret} only in the answer that created it (it is shown once; a
     * rotation shows the next one).
     */
    public record Subscription(
            long id,
            String url,
            List<String> events,
            String description,
            boolean enabled,
            boolean ordered,
            String disabledReason,
            Instant failingSince,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {}

    /** A new signing secret; the one it replaces still signs until {@code previousSecretValidUntil}. */
    public record RotatedSecret(String secret, Instant previousSecretValidUntil) {}

    /** One event on its way to one subscription. */
    public record Delivery(
            long id,
            String messageId,
            String type,
            Instant occurredAt,
            WebhookDeliveryEntity.Status status,
            int attempts,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastResponse,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt) {

        static Delivery of(WebhookDeliveryEntity delivery) {
            return new Delivery(
                    delivery.id,
                    delivery.event.messageId,
                    delivery.event.type,
                    delivery.event.occurredAt,
                    delivery.status,
                    delivery.attempts,
                    delivery.lastAttemptAt,
                    delivery.lastStatus,
                    delivery.lastResponse,
                    delivery.lastError,
                    delivery.nextAttemptAt,
                    delivery.deliveredAt);
        }
    }

    /** How many failed deliveries were sent again. */
    public record Resent(int resent) {}
}
