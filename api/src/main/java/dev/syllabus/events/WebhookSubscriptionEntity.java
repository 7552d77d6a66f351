package dev.syllabus.events;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A receiver an instructor subscribed to a course's events, with the secret that signs what it is sent. */
@Entity(name = "WebhookSubscription")
public class WebhookSubscriptionEntity extends PanacheEntity {

    public long courseId;

    @Column(length = 2000)
    public String url;

    /** Comma-separated event types ({@code *}: all). */
    @Column(length = 500)
    public String events;

    @Column(length = 500)
    public String description;

    public boolean enabled;
    public boolean ordered;

    @Column(length = 100)
    public String secret;

    @Column(length = 100)
    public String previousSecret;

    public Instant previousSecretUntil;
    public Instant failingSince;

    @Column(length = 500)
    public String disabledReason;

    public Instant createdAt;
    public Instant updatedAt;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }

    public boolean wants(EventType type) {
        return type == EventType.WEBHOOK_TEST
                || eventList().contains(EventType.ALL)
                || eventList().contains(type.wire());
    }

    /** The secrets that sign a message sent {@code at}: the current one, and the replaced one in its grace. */
    public List<String> signingSecrets(Instant at) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && at.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** The enabled subscriptions of a course. */
    public static List<WebhookSubscriptionEntity> enabledOf(long courseId) {
        return list("courseId = ?1 and enabled = true", courseId);
    }

    /** A course's subscriptions, oldest first. */
    public static List<WebhookSubscriptionEntity> ofCourse(long courseId) {
        return list("courseId = ?1 order by id", courseId);
    }

    /** Records a failed attempt: failing since now, unless it was already. */
    public static void failing(long id, Instant now) {
        update("failingSince = ?1 where id = ?2 and failingSince is null", now, id);
    }

    /** Records a success: no longer failing. */
    public static void succeeded(long id) {
        update("failingSince = null where id = ?1 and failingSince is not null", id);
    }
}
