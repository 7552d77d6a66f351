package dev.syllabus.events;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** One event in the outbox: the body exactly as every subscription wanting it is sent it. */
@Entity(name = "WebhookEvent")
public class WebhookEventEntity extends PanacheEntity {

    /** The {@code webhook-id} header: the same on every attempt, so a receiver can drop repeats. */
    @Column(length = 40)
    public String messageId;

    public long courseId;

    @Column(length = 60)
    public String type;

    public Instant occurredAt;

    @Column(length = 20000)
    public String body;

    /** Removes the events none of whose deliveries is left; how many. */
    public static long deleteUndelivered() {
        return delete("id not in (select d.event.id from WebhookDelivery d)");
    }
}
