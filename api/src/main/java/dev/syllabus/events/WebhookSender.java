package dev.syllabus.events;

import dev.syllabus.outbound.OutboundHttp;
import dev.syllabus.outbound.RetrySchedule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * This replica's sender: takes due deliveries from the outbox and posts them. Replicas coordinate
 * through the database alone: an attempt holds its delivery's row locked (FOR UPDATE SKIP LOCKED)
 * from the moment it takes it until its outcome is committed, so no two replicas, and no two
 * threads, ever send one delivery at once; a replica that dies mid-attempt lets go of the row
 * with its connection, and the delivery is tried again. A change committed on this replica wakes
 * the sender at once; others' changes and retries are found by polling.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 200;

    private static final String DUE = """
            select d.id, d.subscription_id from webhook_delivery d
            join webhook_subscription s on s.id = d.subscription_id
            where d.status = 'PENDING' and d.next_attempt_at <= ?1 and s.enabled = true
              and (s.ordered = false or not exists (
                select 1 from webhook_delivery e
                where e.subscription_id = d.subscription_id and e.status = 'PENDING' and e.id < d.id))
            order by d.next_attempt_at, d.id
            limit %d""".formatted(BATCH);

    private static final String CLAIM =
            "select id from webhook_delivery where id = ?1 and status = 'PENDING' and next_attempt_at <= ?2"
                    + " for update skip locked";

    private final WebhookConfig config;
    private final EntityManager entityManager;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<Long, AtomicInteger> inFlightBySubscription = new ConcurrentHashMap<>();
    private final int perSubscription;
    private volatile boolean running;
    private OutboundHttp transport;
    private ExecutorService workers;
    private Thread dispatcher;

    WebhookSender(WebhookConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
        this.perSubscription = Math.max(1, config.senders() / 2);
    }

    void start(@Observes StartupEvent started) {
        if (!config.send()) {
            LOG.info("Webhook deliveries are not sent from this replica (SYLLABUS_WEBHOOKS_SEND=false)");
            return;
        }
        transport = new OutboundHttp(
                "Syllabus-Webhooks/1",
                config.allowLocalTargets(),
                config.timeout(),
                config.deadline(),
                64 * 1024,
                config.senders());
        AtomicInteger senders = new AtomicInteger();
        workers = Executors.newFixedThreadPool(
                config.senders(), task -> daemon(task, "webhook-sender-" + senders.incrementAndGet()));
        running = true;
        dispatcher = daemon(this::dispatch, "webhook-dispatcher");
        dispatcher.start();
    }

    /** A daemon thread (platform threads by name alone: the same source builds for Java 17, see GithubService). */
    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    void stop(@Observes ShutdownEvent stopping) throws IOException, InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        dispatcher.join(2_000);
        workers.shutdown();
        workers.awaitTermination(config.deadline().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        transport.close();
    }

    /** A change on this replica wrote deliveries and committed: look now rather than at the next poll. */
    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Recorded recorded) {
        wake.release();
    }

    private void dispatch() {
        while (running) {
            try {
                wake.tryAcquire(config.poll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (running) {
                    due().forEach(this::submit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away for a while: the next poll tries again.
                LOG.debugf(e, "Could not look for due webhook deliveries");
            }
        }
    }

    private List<Object[]> due() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(DUE)
                    .setParameter(1, Instant.now())
                    .getResultList();
            return rows;
        });
    }

    private void submit(Object[] row) {
        long deliveryId = ((Number) row[0]).longValue();
        long subscriptionId = ((Number) row[1]).longValue();
        AtomicInteger bySubscription =
                inFlightBySubscription.computeIfAbsent(subscriptionId, id -> new AtomicInteger());
        if (bySubscription.get() >= perSubscription || !inFlight.add(deliveryId)) {
            return;
        }
        bySubscription.incrementAndGet();
        workers.execute(() -> {
            try {
                attempt(deliveryId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Webhook delivery %d could not be attempted; it stays due", deliveryId);
            } finally {
                inFlight.remove(deliveryId);
                bySubscription.decrementAndGet();
                wake.release();
            }
        });
    }

    /** One attempt at one delivery, if no other thread or replica holds it and it is still due. */
    void attempt(long deliveryId) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> claimAndSend(deliveryId));
        // A success of a subscription that was not failing changes nothing about it: no second transaction.
        if (outcome != null && !(outcome.answer().delivered() && !outcome.wasFailing())) {
            QuarkusTransaction.requiringNew().run(() -> account(outcome));
        }
    }

    /** An attempt's answer, and whether its subscription was failing when it was made. */
    record Outcome(long subscriptionId, OutboundHttp.Answer answer, Instant at, boolean wasFailing) {}

    private Outcome claimAndSend(long deliveryId) {
        Instant now = Instant.now();
        if (entityManager
                .createNativeQuery(CLAIM)
                .setParameter(1, deliveryId)
                .setParameter(2, now)
                .getResultList()
                .isEmpty()) {
            return null;
        }
        WebhookDeliveryEntity delivery = WebhookDeliveryEntity.withEvent(deliveryId);
        WebhookSubscriptionEntity subscription = WebhookSubscriptionEntity.findById(delivery.subscriptionId);
        if (subscription == null || !subscription.enabled) {
            return null;
        }
        WebhookEventEntity event = delivery.event;
        long timestamp = now.getEpochSecond();
        OutboundHttp.Answer answer = transport.post(
                subscription.url,
                Map.of(
                        "webhook-id", event.messageId,
                        "webhook-timestamp", Long.toString(timestamp),
                        "webhook-signature",
                                Signatures.header(
                                        subscription.signingSecrets(now), event.messageId, timestamp, event.body)),
                event.body);
        Instant answeredAt = Instant.now();
        delivery.attempts++;
        delivery.lastAttemptAt = answeredAt;
        delivery.lastStatus = answer.status() == 0 ? null : answer.status();
        delivery.lastResponse = answer.firstBytes();
        delivery.lastError = answer.error() == null
                ? (answer.delivered() ? null : "the receiver answered " + answer.status())
                : shorten(answer.error());
        if (answer.delivered()) {
            delivery.status = WebhookDeliveryEntity.Status.DELIVERED;
            delivery.deliveredAt = answeredAt;
            delivery.nextAttemptAt = null;
        } else if (answer.status() == 410) {
            delivery.status = WebhookDeliveryEntity.Status.FAILED;
            delivery.nextAttemptAt = null;
        } else {
            var wait = RetrySchedule.after(delivery.attempts, ThreadLocalRandom.current());
            delivery.status =
                    wait.isPresent() ? WebhookDeliveryEntity.Status.PENDING : WebhookDeliveryEntity.Status.FAILED;
            delivery.nextAttemptAt = wait.map(answeredAt::plus).orElse(null);
        }
        return new Outcome(subscription.id, answer, answeredAt, subscription.failingSince != null);
    }

    /**
     * What an attempt says about its subscription, in a transaction of its own (so a sender never
     * holds a delivery's row while it waits for the subscription's): a success ends its failing, a
     * 410 Gone disables it at once, and failing for {@code disableAfter} without a success disables it.
     */
    private void account(Outcome outcome) {
        if (outcome.answer().delivered()) {
            WebhookSubscriptionEntity.succeeded(outcome.subscriptionId());
            return;
        }
        WebhookSubscriptionEntity.failing(outcome.subscriptionId(), outcome.at());
        WebhookSubscriptionEntity subscription = WebhookSubscriptionEntity.findById(outcome.subscriptionId());
        if (subscription == null || !subscription.enabled) {
            return;
        }
        String reason = disabledBecause(outcome, subscription.failingSince, config.disableAfter());
        if (reason != null) {
            subscription.enabled = false;
            subscription.disabledReason = shorten(reason);
            subscription.updatedAt = outcome.at();
            LOG.warnf("Webhook subscription %d (%s) disabled: %s", subscription.id, subscription.url, reason);
        }
    }

    /**
     * Why a failed attempt disables its subscription, or null: a 410 Gone at once, otherwise every
     * delivery having failed for {@code disableAfter} since {@code failingSince}.
     */
    static String disabledBecause(Outcome outcome, Instant failingSince, Duration disableAfter) {
        if (outcome.answer().status() == 410) {
            return "The receiver answered 410 Gone on " + outcome.at() + ": it asked for no more deliveries.";
        }
        if (failingSince != null && !failingSince.plus(disableAfter).isAfter(outcome.at())) {
            return "Every delivery since " + failingSince + " failed (the last: "
                    + (outcome.answer().error() != null
                            ? outcome.answer().error()
                            : "HTTP " + outcome.answer().status())
                    + "). Fix the receiver, enable the subscription and resend what failed.";
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
