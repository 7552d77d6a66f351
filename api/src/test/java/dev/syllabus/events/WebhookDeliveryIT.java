package dev.syllabus.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import dev.syllabus.support.PackagedJar;
import dev.syllabus.support.Receiver;
import dev.syllabus.support.Receiver.Received;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks against the packaged jar, where processes can die: what was acknowledged survives a
 * kill with its event, and two replicas on one database never send one event twice at once.
 */
class WebhookDeliveryIT {

    private static final String COURSE = "/api/courses/ml-in-production";
    private static final Map<String, String> LOCAL_TARGETS = Map.of("SYLLABUS_WEBHOOKS_ALLOW_LOCAL_TARGETS", "true");

    @TempDir
    Path work;

    private PackagedJar jar;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        jar = new PackagedJar(work);
    }

    @Test
    void aTickWhoseAnswerWasSentSurvivesAKillRightAfterAndItsEventIsDeliveredAfterTheRestart() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // The first process writes the outbox but sends nothing: it dies between the commit and the send.
            Process first = jar.start("first.log", with(LOCAL_TARGETS, "SYLLABUS_WEBHOOKS_SEND", "false"));
            String base = jar.awaitReady(http, first);
            String admin = signIn(base, "admin", "syllabus-admin");
            String secret = json(send(
                            base + COURSE + "/webhooks",
                            admin,
                            "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"checklist.item.changed\"]}",
                            "POST",
                            201))
                    .getString("secret");
            send(base + COURSE + "/join-code", admin, "{\"code\":\"KILL-JOIN-1\"}", "PUT", 200);
            String student = json(send(
                            base + COURSE + "/enrollments",
                            null,
                            "{\"login\":\"killed-tick\",\"password\":\"a long enough password\",\"joinCode\":\"KILL-JOIN-1\"}",
                            "POST",
                            201))
                    .getString("token");
            String item = json(send(base + COURSE + "/checklist", student, null, "GET", 200))
                    .getString("items[0].id");

            send(base + COURSE + "/checklist/" + item + "/done", student, "{}", "PUT", 200);
            first.destroyForcibly(); // SIGKILL, the moment the answer came
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

            Process second = jar.start("second.log", LOCAL_TARGETS);
            try {
                String restarted = jar.awaitReady(http, second);
                Received received = receiver.next(Duration.ofSeconds(15));
                assertThat(received)
                        .as("the event reached the receiver after the restart")
                        .isNotNull();
                new Webhook(secret).verify(received.body(), received.headers());
                assertThat(json(received.body()).getString("data.item.id")).isEqualTo(item);
                assertThat(json(send(restarted + COURSE + "/checklist", student, null, "GET", 200))
                                .getBoolean("items.find { it.id == '" + item + "' }.done"))
                        .as("the tick itself survived")
                        .isTrue();
            } finally {
                PackagedJar.stop(second);
            }
        }
    }

    @Test
    void twoReplicasOnOneDatabaseNeverSendOneEventTwiceAtOnceAndSendEveryOne() throws Exception {
        // H2's automatic mixed mode lets two processes share one database file, as two replicas share PostgreSQL.
        Map<String, String> shared =
                with(LOCAL_TARGETS, "SYLLABUS_DB_URL", "jdbc:h2:file:./data/shared;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        try (Receiver receiver = new Receiver()) {
            receiver.delay(Duration.ofMillis(150));
            Process one = jar.start("one.log", shared);
            Process two = null;
            try {
                String base = jar.awaitReady(http, one);
                two = jar.start("two.log", shared);
                String other = jar.awaitReady(http, two);
                String admin = signIn(base, "admin", "syllabus-admin");
                send(
                        base + COURSE + "/webhooks",
                        admin,
                        "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"*\"]}",
                        "POST",
                        201);
                long id = json(send(base + COURSE + "/webhooks", admin, null, "GET", 200))
                        .getLong("[0].id");
                int events = 24;
                for (int i = 0; i < events; i++) {
                    // Half the test events are written through each replica, so both senders are woken.
                    send((i % 2 == 0 ? base : other) + COURSE + "/webhooks/" + id + "/test", admin, null, "POST", 202);
                }

                List<Received> received = receiver.await(events, Duration.ofSeconds(30));
                Thread.sleep(1_000); // anything sent twice would arrive by now

                Set<String> ids = new HashSet<>();
                received.addAll(receiver.drain());
                received.forEach(r -> ids.add(r.header("webhook-id")));
                assertThat(ids).as("every event").hasSize(events);
                assertThat(received).as("each sent once").hasSize(events);
                assertThat(receiver.mostOfOneMessageAtOnce()).isEqualTo(1);
            } finally {
                if (two != null) {
                    PackagedJar.stop(two);
                }
                PackagedJar.stop(one);
            }
        }
    }

    private String signIn(String base, String login, String password) throws Exception {
        return PackagedJar.token(PackagedJar.send(
                http,
                base + "/api/auth/login",
                null,
                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}",
                "POST"));
    }

    private HttpResponse<String> send(String url, String token, String body, String method, int expected)
            throws Exception {
        HttpResponse<String> answer = PackagedJar.send(http, url, token, body, method);
        assertThat(answer.statusCode())
                .as("%s %s: %s", method, url, answer.body())
                .isEqualTo(expected);
        return answer;
    }

    private static JsonPath json(HttpResponse<String> answer) {
        return new JsonPath(answer.body());
    }

    private static JsonPath json(String body) {
        return new JsonPath(body);
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(name, value);
        return all;
    }
}
