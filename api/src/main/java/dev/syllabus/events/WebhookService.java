package dev.syllabus.events;

import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Paged;
import dev.syllabus.outbound.TargetAddresses;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An instructor's subscriptions to a course's events, and what was delivered to them. */
@ApplicationScoped
public class WebhookService {

    /** Looks up targets' names apart from request threads, so a lookup can be given up on. */
    private static final ExecutorService RESOLVER =
            Executors.newCachedThreadPool(task -> WebhookSender.daemon(task, "webhook-target-lookup"));

    private final Courses courses;
    private final Outbox outbox;
    private final WebhookConfig config;

    WebhookService(Courses courses, Outbox outbox, WebhookConfig config) {
        this.courses = courses;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    List<WebhookViews.Subscription> list(String slug) {
        return WebhookSubscriptionEntity.ofCourse(courses.row(slug).id).stream()
                .map(s -> view(s, null))
                .toList();
    }

    @Transactional
    WebhookViews.Subscription get(String slug, long id) {
        return view(subscription(slug, id), null);
    }

    /** A new subscription, with its signing secret: the only answer that shows it. */
    @Transactional
    WebhookViews.Subscription create(String slug, WebhookViews.SubscriptionRequest request) {
        CourseEntity course = courses.row(slug);
        WebhookSubscriptionEntity subscription = new WebhookSubscriptionEntity();
        subscription.courseId = course.id;
        subscription.secret = Signatures.newSecret();
        subscription.createdAt = Instant.now();
        apply(subscription, request);
        subscription.persist();
        return view(subscription, subscription.secret);
    }

    /** Replaces a subscription's settings; enabling one that was disabled clears why it was. */
    @Transactional
    WebhookViews.Subscription replace(String slug, long id, WebhookViews.SubscriptionRequest request) {
        WebhookSubscriptionEntity subscription = subscription(slug, id);
        apply(subscription, request);
        return view(subscription, null);
    }

    @Transactional
    void delete(String slug, long id) {
        subscription(slug, id).delete();
    }

    /** A new secret; the old one keeps signing beside it for the grace period, so receivers can switch. */
    @Transactional
    WebhookViews.RotatedSecret rotate(String slug, long id) {
        WebhookSubscriptionEntity subscription = subscription(slug, id);
        Instant now = Instant.now();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = now.plus(config.rotationGrace());
        subscription.secret = Signatures.newSecret();
        subscription.updatedAt = now;
        return new WebhookViews.RotatedSecret(subscription.secret, subscription.previousSecretUntil);
    }

    /** Sends a {@code webhook.test} event to this subscription alone (an enabled one). */
    @Transactional
    WebhookViews.Delivery test(String slug, long id) {
        WebhookSubscriptionEntity subscription = subscription(slug, id);
        if (!subscription.enabled) {
            throw DomainException.conflict("The subscription is disabled: enable it first, then send a test event.");
        }
        WebhookEventEntity event = outbox.record(
                subscription.courseId,
                EventType.WEBHOOK_TEST,
                new EventData.WebhookTest(slug, subscription.id),
                List.of(subscription));
        return WebhookViews.Delivery.of(
                WebhookDeliveryEntity.find("event", event).firstResult());
    }

    @Transactional
    Paged<WebhookViews.Delivery> deliveries(String slug, long id, WebhookDeliveryEntity.Status status, Page page) {
        WebhookSubscriptionEntity subscription = subscription(slug, id);
        return new Paged<>(
                WebhookDeliveryEntity.ofSubscription(subscription.id, status, page).stream()
                        .map(WebhookViews.Delivery::of)
                        .toList(),
                WebhookDeliveryEntity.countOf(subscription.id, status));
    }

    /** Sends one delivery again, now, whatever became of it (a receiver may ask for one it lost). */
    @Transactional
    WebhookViews.Delivery resend(String slug, long id, long deliveryId) {
        WebhookSubscriptionEntity subscription = subscription(slug, id);
        WebhookDeliveryEntity delivery = WebhookDeliveryEntity.findById(deliveryId);
        if (delivery == null || delivery.subscriptionId != subscription.id) {
            throw DomainException.notFound("Subscription " + id + " has no delivery " + deliveryId + ".");
        }
        delivery.status = WebhookDeliveryEntity.Status.PENDING;
        delivery.nextAttemptAt = Instant.now();
        outbox.wake();
        return WebhookViews.Delivery.of(delivery);
    }

    /** Sends every failed delivery of the subscription again, now (after an outage, for example). */
    @Transactional
    WebhookViews.Resent resendFailed(String slug, long id) {
        WebhookSubscriptionEntity subscription = subscription(slug, id);
        int resent = WebhookDeliveryEntity.resendFailed(subscription.id, Instant.now());
        outbox.wake();
        return new WebhookViews.Resent(resent);
    }

    private WebhookSubscriptionEntity subscription(String slug, long id) {
        long courseId = courses.row(slug).id;
        WebhookSubscriptionEntity subscription = WebhookSubscriptionEntity.findById(id);
        if (subscription == null || subscription.courseId != courseId) {
            throw DomainException.notFound("Course '" + slug + "' has no webhook subscription " + id + ".");
        }
        return subscription;
    }

    private void apply(WebhookSubscriptionEntity subscription, WebhookViews.SubscriptionRequest request) {
        String url = request.url().strip();
        TargetAddresses.refusal(url, config.allowLocalTargets()).ifPresent(why -> {
            throw DomainException.invalid("url", why);
        });
        if (!config.allowLocalTargets()) {
            requirePublic(url);
        }
        subscription.url = url;
        subscription.events = String.join(",", eventTypes(request.events()));
        subscription.description = request.description() == null
                        || request.description().isBlank()
                ? null
                : request.description().strip();
        boolean enabled = request.enabled() == null || request.enabled();
        if (enabled && !subscription.enabled) {
            subscription.disabledReason = null;
            subscription.failingSince = null;
        }
        subscription.enabled = enabled;
        subscription.ordered = request.ordered() != null && request.ordered();
        subscription.updatedAt = Instant.now();
    }

    /** The types asked for, each once, in the order given; {@code *} alone stands for all. */
    private static Set<String> eventTypes(List<String> events) {
        Set<String> types = new LinkedHashSet<>();
        for (String event : events) {
            String type = event == null ? "" : event.strip();
            if (!type.equals(EventType.ALL) && EventType.subscribable(type).isEmpty()) {
                throw DomainException.invalid(
                        "events",
                        "'" + type + "' is not an event type; use '*' or some of "
                                + Arrays.stream(EventType.values())
                                        .filter(t -> t != EventType.WEBHOOK_TEST)
                                        .map(EventType::wire)
                                        .toList());
            }
            types.add(type);
        }
        return types.contains(EventType.ALL) ? Set.of(EventType.ALL) : types;
    }

    /**
     * A target's name must resolve, within two seconds, and only to public addresses (checked again
     * at every connection): a name that never answers cannot hold the request.
     */
    static void requirePublic(String url) {
        String host = URI.create(url).getHost();
        Future<InetAddress[]> lookup = RESOLVER.submit(() -> InetAddress.getAllByName(host));
        InetAddress[] addresses;
        try {
            addresses = lookup.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw DomainException.invalid("url", "names a host that does not resolve: " + host);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw DomainException.invalid("url", "names a host that did not resolve within 2 seconds: " + host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.invalid("url", "could not be checked");
        }
        for (InetAddress address : addresses) {
            if (!TargetAddresses.isPublic(address)) {
                throw DomainException.invalid(
                        "url", "resolves to " + address.getHostAddress() + ", which is not a public address");
            }
        }
    }

    private static WebhookViews.Subscription view(WebhookSubscriptionEntity s, String secret) {
        return new WebhookViews.Subscription(
                s.id,
                s.url,
                s.eventList(),
                s.description,
                s.enabled,
                s.ordered,
                s.disabledReason,
                s.failingSince,
                s.createdAt,
                s.updatedAt,
                secret);
    }
}
