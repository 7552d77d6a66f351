package dev.syllabus.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a change writes the events it causes: in the change's own transaction, so an event exists
 * exactly when its change was committed (a crash after the commit loses nothing, a rollback sends
 * nothing). An event nobody subscribed to is not written at all, and its data is not even built.
 */
@ApplicationScoped
public class Outbox {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fired when the transaction that wrote deliveries commits, to wake this replica's sender. */
    public record Recorded() {}

    private final ObjectMapper json;
    private final Event<Recorded> recorded;
    private final TransactionSynchronizationRegistry transaction;

    Outbox(ObjectMapper json, Event<Recorded> recorded, TransactionSynchronizationRegistry transaction) {
        this.json = json;
        this.recorded = recorded;
        this.transaction = transaction;
    }

    /**
     * The course's enabled subscriptions, read once per transaction: a tick asks whether anyone wants
     * its homework's status and then records its own change, and pays for one query, not two.
     */
    @SuppressWarnings("unchecked")
    private List<WebhookSubscriptionEntity> enabled(long courseId) {
        String key = Outbox.class.getName() + ":" + courseId;
        List<WebhookSubscriptionEntity> enabled = (List<WebhookSubscriptionEntity>) transaction.getResource(key);
        if (enabled == null) {
            enabled = WebhookSubscriptionEntity.enabledOf(courseId);
            transaction.putResource(key, enabled);
        }
        return enabled;
    }

    /**
     * Writes event {@code type} of course {@code courseId} for every enabled subscription wanting
     * it; {@code data} is built only when one does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long courseId, EventType type, Supplier<Object> data) {
        List<WebhookSubscriptionEntity> wanting = enabled(courseId).stream()
                .filter(subscription -> subscription.wants(type))
                .toList();
        if (!wanting.isEmpty()) {
            record(courseId, type, data.get(), wanting);
        }
    }

    /** Whether an enabled subscription of the course wants {@code type}: worth working out what changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean wanted(long courseId, EventType type) {
        return enabled(courseId).stream().anyMatch(s -> s.wants(type));
    }

    /** Writes one event for the subscriptions given; the first delivery attempt is due at once. */
    WebhookEventEntity record(
            long courseId, EventType type, Object data, List<WebhookSubscriptionEntity> subscriptions) {
        Instant now = Instant.now();
        WebhookEventEntity event = new WebhookEventEntity();
        event.messageId = "msg_" + randomId();
        event.courseId = courseId;
        event.type = type.wire();
        event.occurredAt = now;
        event.body = body(type, now, data);
        event.persist();
        for (WebhookSubscriptionEntity subscription : subscriptions) {
            WebhookDeliveryEntity delivery = new WebhookDeliveryEntity();
            delivery.subscriptionId = subscription.id;
            delivery.event = event;
            delivery.status = WebhookDeliveryEntity.Status.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            delivery.persist();
        }
        recorded.fire(new Recorded());
        return event;
    }

    /** Deliveries became due in this transaction (a resend): look for them once it commits. */
    void wake() {
        recorded.fire(new Recorded());
    }

    /** The body, shaped as Standard Webhooks recommends: type, timestamp, data. */
    private String body(EventType type, Instant at, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wire());
        body.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data is always a plain record", e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
