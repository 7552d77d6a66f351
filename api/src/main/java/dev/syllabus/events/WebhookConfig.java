package dev.syllabus.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of outbound webhooks (SYLLABUS_WEBHOOKS_...). */
@ConfigMapping(prefix = "syllabus.webhooks")
public interface WebhookConfig {

    /**
     * Whether plain-HTTP targets and targets on loopback, private or link-local addresses are
     * allowed (SYLLABUS_WEBHOOKS_ALLOW_LOCAL_TARGETS): for local use and tests only.
     */
    @WithDefault("false")
    boolean allowLocalTargets();

    /** Whether this replica sends deliveries (the outbox is written either way). */
    @WithDefault("true")
    boolean send();

    /**
     * Deliveries sent at once by this replica, and at most half of them to one subscription (each
     * holds a database connection while it waits for the receiver, at most {@code deadline}).
     */
    @WithDefault("8")
    int senders();

    /** How long a receiver may take to accept the connection, and between bytes of its answer. */
    @WithDefault("5S")
    Duration timeout();

    /** How long one attempt may take in all, however slowly the receiver answers. */
    @WithDefault("10S")
    Duration deadline();

    /** How often the outbox is looked at when no change on this replica woke the sender. */
    @WithDefault("1S")
    Duration poll();

    /** How long a subscription may fail without one success before it is disabled. */
    @WithDefault("24H")
    Duration disableAfter();

    /** How long delivered and failed deliveries are kept to look back on (pending ones are kept until they end). */
    @WithDefault("30D")
    Duration keep();

    /** How long the secret a rotation replaced still signs beside the new one. */
    @WithDefault("24H")
    Duration rotationGrace();
}
