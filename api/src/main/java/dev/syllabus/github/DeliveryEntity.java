package dev.syllabus.github;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** One webhook delivery and what came of it; its GitHub delivery id makes replays harmless. */
@Entity(name = "GithubDelivery")
public class DeliveryEntity extends PanacheEntity {

    @Column(unique = true, length = 100)
    public String deliveryId;

    @Column(length = 50)
    public String event;

    @Column(length = 50)
    public String action;

    @Column(length = 140)
    public String repository;

    public Instant receivedAt;

    @Column(length = 20)
    public String outcome;

    @Column(length = 1000)
    public String detail;
    /** SHA-256 of the raw body: a copy re-sent under a new delivery id is still a repeat. */
    @Column(length = 64)
    public String bodySha256;

    /** Whether this delivery, or one with the same body, was received before (GitHub redelivers). */
    public static boolean seen(String deliveryId, String bodySha256) {
        return count("deliveryId = ?1 or bodySha256 = ?2", deliveryId, bodySha256) > 0;
    }
}
