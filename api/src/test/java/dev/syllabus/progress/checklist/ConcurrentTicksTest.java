package dev.syllabus.progress.checklist;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many writers on the same items at once (two devices, a student and a webhook): never a 5xx,
 * and the stored state is the last acknowledged change, with every change in the history.
 */
@QuarkusTest
class ConcurrentTicksTest {

    private static final List<String> ITEMS = List.of("H5/PR1", "H5/PR2", "H5/PR3", "H5/OTHER");
    private static final int WRITERS = 16;
    private static final int ROUNDS = 12;

    /** The last acknowledged state of one item: the answer with the highest version. */
    private record Ack(int version, boolean done) {}

    @Test
    void concurrentFirstTicksAndLaterFlipsNeverFailAndLoseNothing() throws Exception {
        String student = Api.uniqueLogin("racer");
        String token = Api.student(student);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Ack> last = new ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                String item = ITEMS.get(writer % ITEMS.size());
                boolean done = (writer + round) % 3 != 0;
                writes.add(pool.submit(() -> {
                    start.await();
                    String address = "/api/courses/" + COURSE + "/checklist/" + item + "/done";
                    Response answer = done
                            ? as(token)
                                    .contentType("application/json")
                                    .body(Map.of())
                                    .put(address)
                            : as(token).delete(address);
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    if (answer.statusCode() == 200) {
                        Ack ack = new Ack(
                                answer.jsonPath().getInt("version"),
                                answer.jsonPath().getBoolean("done"));
                        last.merge(item, ack, (a, b) -> a.version() >= b.version() ? a : b);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
        }
        pool.shutdown();

        assertThat(statuses.keySet()).as("answers " + statuses).containsOnly(200);
        JsonPath checklist = as(token)
                .get("/api/courses/" + COURSE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String admin = Api.admin();
        List<Map<String, Object>> history = new ArrayList<>();
        for (int page = 1; history.size() == (page - 1) * 100; page++) {
            history.addAll(as(admin)
                    .queryParam("student", student)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .get("/api/courses/" + COURSE + "/history")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$"));
        }
        for (String item : ITEMS) {
            Map<String, Object> stored = checklist.getMap("items.find { it.id == '" + item + "' }");
            Ack ack = last.get(item);
            assertThat(stored.get("version")).as(item + " version").isEqualTo(ack.version());
            assertThat(stored.get("done"))
                    .as(item + " is as the last acknowledged change left it")
                    .isEqualTo(ack.done());
            assertThat(history.stream().filter(entry -> item.equals(entry.get("item"))))
                    .as(item + " history holds every change")
                    .hasSize(ack.version());
        }
    }
}
