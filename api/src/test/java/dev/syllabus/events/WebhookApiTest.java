package dev.syllabus.events;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.standardwebhooks.Webhook;
import dev.syllabus.support.Api;
import dev.syllabus.support.Receiver;
import dev.syllabus.support.Receiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions and what they are sent, through the real stack to a real receiver in this process. */
@QuarkusTest
class WebhookApiTest {

    private static final String BASE = "/api/courses/" + COURSE;
    private static final String HOOKS = BASE + "/webhooks";
    private static final Duration SOON = Duration.ofSeconds(10);
    /** Long enough for the first retry (5 s, moved by up to a fifth) and its answer. */
    private static final Duration AFTER_A_RETRY = Duration.ofSeconds(20);

    @Inject
    WebhookSender sender;

    @Inject
    OutboxCleaner cleaner;

    private Receiver receiver;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        admin = Api.admin();
    }

    @AfterEach
    void stop() {
        for (Object id :
                as(admin).get(HOOKS).then().statusCode(200).extract().jsonPath().getList("id")) {
            as(admin).delete(HOOKS + "/" + id).then().statusCode(204);
        }
        receiver.close();
    }

    private JsonPath subscribe(List<String> events, boolean ordered) {
        return as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hook"), "events", events, "description", "test", "ordered", ordered))
                .post(HOOKS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static String firstItem(String student) {
        return as(student)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    private static List<String> items(String student) {
        return as(student)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    private static void tick(String student, String item) {
        as(student)
                .contentType(ContentType.JSON)
                .put(BASE + "/checklist/" + item + "/done")
                .then()
                .statusCode(200);
    }

    private JsonPath deliveries(long subscription) {
        return as(admin)
                .get(HOOKS + "/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath json(Received received) {
        return new JsonPath(received.body());
    }

    @Test
    void aTickReachesTheReceiverSignedAsStandardWebhooksSays() throws Exception {
        JsonPath subscription = subscribe(List.of("checklist.item.changed"), false);
        long id = subscription.getLong("id");
        String secret = subscription.getString("secret");
        String login = Api.uniqueLogin("hooked");
        String student = Api.student(login);
        String item = firstItem(student);

        tick(student, item);
        Received received = receiver.next(SOON);

        assertThat(received).as("the receiver was told").isNotNull();
        new Webhook(secret).verify(received.body(), received.headers());
        assertThat(Long.parseLong(received.header("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(received.header("content-type")).startsWith("application/json");
        JsonPath body = json(received);
        assertThat(body.getString("type")).isEqualTo("checklist.item.changed");
        assertThat(Instant.parse(body.getString("timestamp"))).isBefore(Instant.now());
        assertThat(body.getString("data.course")).isEqualTo(COURSE);
        assertThat(body.getString("data.run")).isNotBlank();
        assertThat(body.getString("data.student")).isEqualTo(login);
        assertThat(body.getString("data.item.id")).isEqualTo(item);
        assertThat(body.getBoolean("data.item.done")).isTrue();
        assertThat(body.getString("data.item.source")).isEqualTo("STUDENT");
        assertThat(body.getString("data.changedBy")).isEqualTo(login);

        JsonPath delivered = awaitDeliveries(id, "DELIVERED", 1);
        assertThat(delivered.getString("[0].messageId")).isEqualTo(received.header("webhook-id"));
        assertThat(delivered.getInt("[0].attempts")).isEqualTo(1);
        assertThat(delivered.getInt("[0].lastStatus")).isEqualTo(200);
        assertThat(delivered.getString("[0].lastResponse")).isEqualTo("ok");
        as(admin)
                .get(HOOKS + "/" + id)
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("enabled", equalTo(true));
    }

    @Test
    void aReceiverThatWasDownGetsEveryEventAsCommittedOnceItIsBack() throws Exception {
        receiver.answer(503);
        long id = subscribe(List.of("*"), false).getLong("id");
        String student = Api.student(Api.uniqueLogin("outage"));
        List<String> items = items(student).subList(0, 3);
        items.forEach(item -> tick(student, item));

        List<Received> refused = receiver.await(4, SOON);
        assertThat(refused).as("joined, and three ticks").hasSize(4);
        JsonPath pending = awaitDeliveries(id, "PENDING", 4);
        assertThat(pending.getList("lastStatus", Integer.class)).containsOnly(503);
        assertThat(pending.getList("nextAttemptAt")).doesNotContainNull();

        receiver.answer(200);
        List<Received> accepted = receiver.await(4, AFTER_A_RETRY);

        Map<String, String> committed = byMessageId(refused);
        assertThat(byMessageId(accepted))
                .as("every event, exactly as committed")
                .isEqualTo(committed);
        assertThat(committed.values().stream().map(body -> new JsonPath(body).getString("type")))
                .containsExactlyInAnyOrder(
                        "enrollment.created",
                        "checklist.item.changed",
                        "checklist.item.changed",
                        "checklist.item.changed");
        JsonPath delivered = awaitDeliveries(id, "DELIVERED", 4);
        assertThat(delivered.getList("attempts", Integer.class)).containsOnly(2);
        as(admin).get(HOOKS + "/" + id).then().body("failingSince", nullValue());
    }

    @Test
    void anOrderedSubscriptionHoldsLaterEventsUntilTheEarlierOneIsDelivered() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        receiver.answer(() -> requests.incrementAndGet() == 1 ? 503 : 200);
        subscribe(List.of("checklist.item.changed"), true);
        String student = Api.student(Api.uniqueLogin("ordered"));
        List<String> items = items(student).subList(0, 2);
        items.forEach(item -> tick(student, item));

        List<Received> received = receiver.await(3, AFTER_A_RETRY);

        assertThat(received.stream().map(r -> json(r).getString("data.item.id")))
                .as("the first, refused; the first again; then the second")
                .containsExactly(items.get(0), items.get(0), items.get(1));
    }

    @Test
    void aReceiverThatAnswersGoneDisablesItsSubscriptionAtOnce() throws Exception {
        receiver.answer(410);
        long id = subscribe(List.of("*"), false).getLong("id");

        as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202).body("status", equalTo("PENDING"));
        assertThat(json(receiver.next(SOON)).getString("type")).isEqualTo("webhook.test");

        awaitDeliveries(id, "FAILED", 1);
        as(admin)
                .get(HOOKS + "/" + id)
                .then()
                .body("enabled", equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("410 Gone"));
        as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(409);

        receiver.answer(200);
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hook"), "events", List.of("*")))
                .put(HOOKS + "/" + id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledReason", nullValue());
        as(admin)
                .post(HOOKS + "/" + id + "/resend-failed")
                .then()
                .statusCode(202)
                .body("resent", equalTo(1));
        assertThat(json(receiver.next(SOON)).getString("type")).isEqualTo("webhook.test");
        awaitDeliveries(id, "DELIVERED", 1);
    }

    @Test
    void aSubscriptionWhoseDeliveriesFailedForADayIsDisabledWithTheReason() throws Exception {
        receiver.answer(503);
        long id = subscribe(List.of("*"), false).getLong("id");
        // A day of failures, without waiting a day: the subscription has been failing since yesterday.
        Instant yesterday = Instant.now().minus(Duration.ofHours(25));
        QuarkusTransaction.requiringNew()
                .run(() -> WebhookSubscriptionEntity.update("failingSince = ?1 where id = ?2", yesterday, id));

        as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202);
        receiver.next(SOON);

        long end = System.nanoTime() + SOON.toNanos();
        while (as(admin).get(HOOKS + "/" + id).path("enabled").equals(true) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        as(admin)
                .get(HOOKS + "/" + id)
                .then()
                .body("enabled", equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.startsWith("Every delivery since"))
                .body("disabledReason", org.hamcrest.Matchers.containsString("the last: HTTP 503"));
        assertThat(receiver.next(Duration.ofSeconds(7)))
                .as("nothing more is sent to it, retries included")
                .isNull();
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() throws Exception {
        JsonPath subscription = subscribe(List.of("*"), false);
        long id = subscription.getLong("id");
        String old = subscription.getString("secret");

        JsonPath rotated = as(admin)
                .post(HOOKS + "/" + id + "/secret")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String fresh = rotated.getString("secret");
        as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202);
        Received received = receiver.next(SOON);

        assertThat(fresh).isNotEqualTo(old).startsWith("whsec_");
        assertThat(Instant.parse(rotated.getString("previousSecretValidUntil"))).isAfter(Instant.now());
        assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(fresh).verify(received.body(), received.headers());
        new Webhook(old).verify(received.body(), received.headers());
    }

    @Test
    void aResendCarriesTheSameMessageIdAndBody() throws Exception {
        long id = subscribe(List.of("*"), false).getLong("id");
        long delivery = as(admin)
                .post(HOOKS + "/" + id + "/test")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        Received first = receiver.next(SOON);
        awaitDeliveries(id, "DELIVERED", 1);

        as(admin)
                .post(HOOKS + "/" + id + "/deliveries/" + delivery + "/resend")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
        Received again = receiver.next(SOON);

        assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(again.body()).isEqualTo(first.body());
        as(admin).post(HOOKS + "/" + id + "/deliveries/999999/resend").then().statusCode(404);
    }

    @Test
    void enrolmentsReviewsHomeworkAndRunsAreTold() throws Exception {
        subscribe(
                List.of(
                        "enrollment.created",
                        "enrollment.removed",
                        "review.created",
                        "homework.status.changed",
                        "run.changed"),
                false);
        String login = Api.uniqueLogin("told");
        String student = Api.student(login);
        assertThat(json(receiver.next(SOON)).getString("type")).isEqualTo("enrollment.created");

        review(login, "APPROVED");
        Map<String, JsonPath> approved = byType(receiver.await(2, SOON));
        assertThat(approved.get("review.created").getString("data.decision")).isEqualTo("APPROVED");
        assertThat(approved.get("review.created").getString("data.reviewer")).isEqualTo(Api.ADMIN);
        assertThat(approved.get("homework.status.changed").getString("data.homework"))
                .isEqualTo("H1");
        assertThat(approved.get("homework.status.changed").getString("data.status"))
                .isIn("passed", "passed_late");
        assertThat(approved.get("homework.status.changed").getString("data.passedAt"))
                .isNotNull();

        review(login, "CHANGES_REQUESTED");
        Map<String, JsonPath> reopened = byType(receiver.await(2, SOON));
        assertThat(reopened.get("homework.status.changed").getString("data.status"))
                .isEqualTo("reopened");

        as(admin).delete(BASE + "/enrollments/" + login).then().statusCode(204);
        JsonPath removed = json(receiver.next(SOON));
        assertThat(removed.getString("type")).isEqualTo("enrollment.removed");
        assertThat(removed.getString("data.student")).isEqualTo(login);
        as(student)
                .contentType(ContentType.JSON)
                .put(BASE + "/checklist/H1/PR1/done")
                .then()
                .statusCode(403);
        as(admin).delete(BASE + "/enrollments/" + login).then().statusCode(404);

        String run = "hooked-" + UUID.randomUUID().toString().substring(0, 8);
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Winter 2020", "start", "2020-01-06", "timeZone", "UTC"))
                .put(BASE + "/runs/" + run)
                .then()
                .statusCode(201);
        JsonPath changed = json(receiver.next(SOON));
        assertThat(changed.getString("type")).isEqualTo("run.changed");
        assertThat(changed.getString("data.run")).isEqualTo(run);
        assertThat(changed.getBoolean("data.created")).isTrue();
        assertThat(changed.getString("data.start")).isEqualTo("2020-01-06");
    }

    @Test
    void sendersRacingForTheSameDeliveriesSendEachOnceAndNeverTwoAtOnce() throws Exception {
        receiver.delay(Duration.ofMillis(200));
        long id = subscribe(List.of("*"), false).getLong("id");
        int events = 6;
        for (int i = 0; i < events; i++) {
            as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202);
        }
        List<Long> deliveries = deliveries(id).getList("id", Long.class);

        // Eight more senders beside this replica's own, all after the same deliveries at once.
        try (ExecutorService racers = Executors.newFixedThreadPool(8)) {
            for (int racer = 0; racer < 8; racer++) {
                racers.execute(() -> deliveries.forEach(sender::attempt));
            }
        }
        List<Received> received = receiver.await(events, SOON);
        Thread.sleep(500);
        received.addAll(receiver.drain());

        assertThat(received.stream().map(r -> r.header("webhook-id")).distinct())
                .hasSize(events);
        assertThat(received).as("each sent once").hasSize(events);
        assertThat(receiver.mostOfOneMessageAtOnce()).isEqualTo(1);
    }

    @Test
    void deliveriesThatEndedAreClearedAfterTheirTimeAndPendingOnesStay() throws Exception {
        long id = subscribe(List.of("*"), false).getLong("id");
        as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202);
        receiver.next(SOON);
        awaitDeliveries(id, "DELIVERED", 1);
        receiver.answer(503);
        as(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202);
        receiver.next(SOON);
        long end = System.nanoTime() + SOON.toNanos();
        while (!deliveries(id).getList("lastStatus").contains(503) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(deliveries(id).getList("status", String.class)).containsExactly("PENDING", "DELIVERED");

        cleaner.clean(Instant.now().minusSeconds(3600));
        assertThat(deliveries(id).getList("status"))
                .as("nothing ended an hour ago")
                .hasSize(2);
        cleaner.clean(Instant.now().plusSeconds(1));

        assertThat(deliveries(id).getList("status", String.class)).containsExactly("PENDING");
    }

    @Test
    void eventsASubscriptionDidNotAskForAreNeverWritten() throws Exception {
        long id = subscribe(List.of("run.changed"), false).getLong("id");
        String student = Api.student(Api.uniqueLogin("unasked"));
        tick(student, firstItem(student));

        assertThat(receiver.next(Duration.ofSeconds(2))).isNull();
        assertThat(deliveries(id).getList("$")).isEmpty();
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        refused(Map.of("url", "ftp://example.com/hook", "events", List.of("*")), "url");
        refused(Map.of("url", receiver.url("/hook"), "events", List.of("checklist.item.ticked")), "events");
        refused(Map.of("url", receiver.url("/hook"), "events", List.of()), "events");
        refused(Map.of("events", List.of("*")), "url");
        as(admin).get(HOOKS + "/999999").then().statusCode(404);
        as(admin).get(HOOKS + "/abc").then().statusCode(400);
        as(admin).get("/api/courses/no-such-course/webhooks").then().statusCode(404);
        as(Api.student(Api.uniqueLogin("nosy"))).get(HOOKS).then().statusCode(403);
    }

    @Test
    void theAnswerThatCreatesASubscriptionNamesItAndShowsItsSecretOnce() {
        var created = as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hook"), "events", List.of("*", "run.changed")))
                .post(HOOKS)
                .then()
                .statusCode(201);
        long id = created.extract().jsonPath().getLong("id");

        created.header("Location", endsWith("/webhooks/" + id))
                .body("secret", org.hamcrest.Matchers.matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("events", equalTo(List.of("*")))
                .body("ordered", equalTo(false));
        as(admin)
                .get(HOOKS)
                .then()
                .body("id", hasItem((int) id))
                .body("secret", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    private void refused(Map<String, Object> body, String field) {
        as(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .post(HOOKS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private void review(String login, String decision) {
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", "seen"))
                .post(BASE + "/students/" + login + "/homework/H1/reviews")
                .then()
                .statusCode(201);
    }

    private JsonPath awaitDeliveries(long subscription, String status, int count) throws InterruptedException {
        long end = System.nanoTime() + AFTER_A_RETRY.toNanos();
        JsonPath found = deliveries(subscription);
        while (found.getList("findAll { it.status == '" + status + "' }").size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
            found = deliveries(subscription);
        }
        assertThat(found.getList("status", String.class))
                .as("the deliveries")
                .containsOnly(status)
                .hasSize(count);
        return found;
    }

    private static Map<String, String> byMessageId(List<Received> received) {
        Map<String, String> bodies = new HashMap<>();
        for (Received r : received) {
            String before = bodies.putIfAbsent(r.header("webhook-id"), r.body());
            assertThat(before == null || before.equals(r.body()))
                    .as("a repeat carries the same body")
                    .isTrue();
        }
        return bodies;
    }

    private static Map<String, JsonPath> byType(List<Received> received) {
        return received.stream()
                .map(WebhookApiTest::json)
                .collect(Collectors.toMap(body -> body.getString("type"), body -> body));
    }
}
