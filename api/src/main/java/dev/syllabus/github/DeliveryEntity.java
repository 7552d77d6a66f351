package dev.syllabus.github;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One webhook delivery and what came of it; its GitHub delivery id makes replays harmless. */
@Entity(name = "GithubDelivery")
@Table(name = "github_delivery")
public class DeliveryEntity extends PanacheEntity {

    @Column(name = "delivery_id", nullable = false, unique = true, length = 100)
    public String deliveryId;

    @Column(nullable = false, length = 50)
    public String event;

    @Column(length = 50)
    public String action;

    @Column(length = 140)
    public String repository;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false, length = 20)
    public String outcome;

    @Column(length = 1000)
    public String detail;
    /** SHA-256 of the raw body: a copy re-sent under a new delivery id is still a repeat. */
    @Column(name = "body_sha256", length = 64)
    public String bodySha256;
}
