package dev.syllabus.events;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;

/** One event on its way to one subscription: pending until delivered, or failed for good. */
@Entity(name = "WebhookDelivery")
public class WebhookDeliveryEntity extends PanacheEntity {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    public long subscriptionId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public WebhookEventEntity event;

    @Column(length = 20)
    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;
    public Instant nextAttemptAt;
    public Instant lastAttemptAt;
    public Integer lastStatus;

    @Column(length = 500)
    public String lastResponse;

    @Column(length = 500)
    public String lastError;

    public Instant deliveredAt;
    public Instant createdAt;

    /** A delivery with its event, in one query. */
    public static WebhookDeliveryEntity withEvent(long id) {
        return find("from WebhookDelivery d join fetch d.event where d.id = ?1", id)
                .firstResult();
    }

    /** A subscription's deliveries, newest first, one page at a time. */
    public static List<WebhookDeliveryEntity> ofSubscription(long subscriptionId, Status status, Page page) {
        return status == null
                ? find("subscriptionId = ?1 order by id desc", subscriptionId)
                        .page(page)
                        .list()
                : find("subscriptionId = ?1 and status = ?2 order by id desc", subscriptionId, status)
                        .page(page)
                        .list();
    }

    public static long countOf(long subscriptionId, Status status) {
        return status == null
                ? count("subscriptionId", subscriptionId)
                : count("subscriptionId = ?1 and status = ?2", subscriptionId, status);
    }

    /** Sends every failed delivery of a subscription again, now; how many. */
    public static int resendFailed(long subscriptionId, Instant now) {
        return update(
                "status = ?1, nextAttemptAt = ?2 where subscriptionId = ?3 and status = ?4",
                Status.PENDING,
                now,
                subscriptionId,
                Status.FAILED);
    }

    /** Removes the deliveries that ended (delivered or failed) before {@code before}; how many. */
    public static long endedBefore(Instant before) {
        return delete("status <> ?1 and coalesce(deliveredAt, lastAttemptAt, createdAt) < ?2", Status.PENDING, before);
    }
}
