package dev.syllabus.account;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.support.Api;
import dev.syllabus.support.RawHttp;
import dev.syllabus.support.UnderAttackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Sign-in under attack, with the real bcrypt cost and a small connection pool. */
@QuarkusTest
@TestProfile(UnderAttackProfile.class)
class SignInUnderAttackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(2);

    @Test
    void fortyConcurrentGuessesFromRotatingAddressesGetAtMostTheAccountsLimitChecked() throws Exception {
        String login = Api.uniqueLogin("guessed");
        Api.student(login);
        RawHttp http = new RawHttp(RestAssured.port, Duration.ofSeconds(30));
        String owners = Api.address();
        assertThat(http.postJson(
                                "/api/auth/login",
                                Map.of("X-Forwarded-For", owners),
                                "{\"login\":\"" + login + "\",\"password\":\"" + Api.STUDENT_PASSWORD + "\"}")
                        .status())
                .isEqualTo(200);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return http.postJson(
                                "/api/auth/login",
                                Map.of("X-Forwarded-For", Api.address()),
                                "{\"login\":\"" + login + "\",\"password\":\"wrong guess number one\"}")
                        .status();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(statuses.keySet())
                .as("every guess is refused: a wrong password, a throttle, or too many checks at once: " + statuses)
                .isSubsetOf(401, 429, 503);
        assertThat(statuses.getOrDefault(401, 0))
                .as("guesses checked, at most max-failed-logins-per-account: " + statuses)
                .isLessThanOrEqualTo(20);
        assertThat(http.postJson(
                                "/api/auth/login",
                                Map.of("X-Forwarded-For", Api.address()),
                                "{\"login\":\"" + login + "\",\"password\":\"" + Api.STUDENT_PASSWORD + "\"}")
                        .status())
                .as("the right password from an address new to the login waits while it is under attack")
                .isEqualTo(429);
        assertThat(http.postJson(
                                "/api/auth/login",
                                Map.of("X-Forwarded-For", owners),
                                "{\"login\":\"" + login + "\",\"password\":\"" + Api.STUDENT_PASSWORD + "\"}")
                        .status())
                .as("the owner, at an address they signed in from before, still gets in")
                .isEqualTo(200);
    }

    @Test
    void rotatingForwardedForFromAPeerThatIsNoProxyStillCountsAgainstThePeer() throws Exception {
        // 127.0.0.2 is not among the test profile's trusted proxies (127.0.0.1, ::1).
        RawHttp http = new RawHttp(RestAssured.port, PATIENCE, "127.0.0.2");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(http.postJson(
                            "/api/auth/login",
                            Map.of("X-Forwarded-For", Api.address()),
                            "{\"login\":\"nobody-" + i + "\",\"password\":\"not the password\"}")
                    .status());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.get(20))
                .as("the 21st failure from one address in the window")
                .isEqualTo(429);
    }

    @Test
    void aSignInFloodLeavesTicksAndReadsAnswering() throws Exception {
        String student = Api.uniqueLogin("flooded");
        String token = Api.student(student);
        RawHttp http = new RawHttp(RestAssured.port, PATIENCE);
        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, Integer> floodAnswers = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newFixedThreadPool(48);
        for (int i = 0; i < 48; i++) {
            int attacker = i;
            flood.submit(() -> {
                RawHttp slow = new RawHttp(RestAssured.port, Duration.ofSeconds(30));
                while (flooding.get()) {
                    int status = slow.postJson(
                                    "/api/auth/login",
                                    Map.of("X-Forwarded-For", Api.address()),
                                    "{\"login\":\"flood-" + attacker + "\",\"password\":\"a wrong password\"}")
                            .status();
                    floodAnswers.merge(status, 1, Integer::sum);
                }
                return null;
            });
        }
        Thread.sleep(500);
        List<String> slowOrFailed = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        int served = 0;
        for (int i = 0; System.nanoTime() < deadline; i++) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            String item = "/api/courses/" + COURSE + "/checklist/H3/PR" + (1 + i % 4) + "/done";
            RawHttp.Answer tick = http.send(i % 2 == 0 ? "PUT" : "DELETE", item, List.copyOf(auth.entrySet()), null);
            RawHttp.Answer checklist = http.get("/api/courses/" + COURSE + "/checklist", auth);
            RawHttp.Answer homework = http.get("/api/courses/" + COURSE + "/homework/H3", Map.of());
            for (RawHttp.Answer answer : List.of(tick, checklist, homework)) {
                if (answer.status() != 200) {
                    slowOrFailed.add(answer.status() + " after " + answer.took().toMillis() + " ms");
                }
            }
            served += 3;
        }
        flooding.set(false);
        flood.shutdown();
        assertThat(flood.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.printf(
                "sign-in flood: %s sign-in answers; %d ticks and reads served meanwhile%n", floodAnswers, served);
        assertThat(floodAnswers.keySet())
                .as("sign-ins are refused, never failed: " + floodAnswers)
                .isSubsetOf(401, 429, 503);
        assertThat(slowOrFailed)
                .as("ticks and reads during the flood (each within " + PATIENCE.toMillis() + " ms)")
                .isEmpty();
        assertThat(served).isGreaterThan(30);
        as(token).get("/api/courses/" + COURSE + "/checklist").then().statusCode(200);
    }
}
