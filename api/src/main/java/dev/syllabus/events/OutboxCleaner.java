package dev.syllabus.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox from growing without end: deliveries that ended (delivered or failed) longer
 * ago than {@code syllabus.webhooks.keep} go, and so do the events none of whose deliveries is left.
 * Any replica may run it; two at once delete the same rows, which is harmless.
 */
@ApplicationScoped
public class OutboxCleaner {

    private static final Logger LOG = Logger.getLogger(OutboxCleaner.class);

    private final WebhookConfig config;

    OutboxCleaner(WebhookConfig config) {
        this.config = config;
    }

    @Scheduled(
            every = "1h",
            delay = 10,
            delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clean() {
        clean(Instant.now().minus(config.keep()));
    }

    /** Removes what ended before {@code before}. */
    @Transactional
    void clean(Instant before) {
        long deliveries = WebhookDeliveryEntity.endedBefore(before);
        long events = WebhookEventEntity.deleteUndelivered();
        if (deliveries + events > 0) {
            LOG.infof("Outbox: removed %d deliveries that ended before %s and %d events", deliveries, before, events);
        }
    }
}
