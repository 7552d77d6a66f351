import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events out under load: students tick and untick their own items (each tick a change, so each
 * one event) while a receiver in this process, as fast as a receiver can be (it answers 204 at
 * once), takes the webhooks. Prints the ticks acknowledged, the events delivered and how many per
 * second, and the delay from each event's commit (the timestamp it carries, taken inside the
 * transaction, just before the commit) to its arrival, p50 and p99. Every acknowledged tick must
 * arrive. Runs with WriteBench.java beside it (java EventsBench.java ...).
 */
public class EventsBench {

    private static final String COURSE = "ml-in-production";
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String api = options.get("api");
        int students = Integer.parseInt(options.getOrDefault("students", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        Set<String> delivered = ConcurrentHashMap.newKeySet();
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong repeats = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.currentTimeMillis();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            Matcher at = TIMESTAMP.matcher(new String(body, StandardCharsets.UTF_8));
            if (!delivered.add(id)) {
                repeats.incrementAndGet();
            } else if (at.find()) {
                delays.add(arrived - Instant.parse(at.group(1)).toEpochMilli());
            }
            lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
        });
        ExecutorService receiving = Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiving);
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        String admin = WriteBench.token(WriteBench.send(http, WriteBench.post(api + "/api/auth/login",
                "{\"login\":\"admin\",\"password\":\"" + options.get("admin-password") + "\"}", null)));
        String subscription = WriteBench.send(http, WriteBench.post(api + "/api/courses/" + COURSE + "/webhooks",
                "{\"url\":\"" + hook + "\",\"events\":[\"checklist.item.changed\"],\"description\":\"events bench\"}", admin));
        String subscriptionId = subscription.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        WriteBench.send(http, HttpRequest.newBuilder(URI.create(api + "/api/courses/" + COURSE + "/join-code"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"code\":\"EVENTS-CODE\"}")).build());
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService joining = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            String login = "events-" + UUID.randomUUID().toString().substring(0, 8);
            joins.add(joining.submit(() -> tokens.put(login, WriteBench.token(WriteBench.send(http, WriteBench.post(
                    api + "/api/courses/" + COURSE + "/enrollments",
                    "{\"login\":\"" + login + "\",\"password\":\"bench password 123\",\"joinCode\":\"EVENTS-CODE\"}", null))))));
        }
        for (var join : joins) {
            join.get();
        }
        joining.shutdown();

        // Each student changes their own items only, always to the other state, so every
        // acknowledged tick is a change and writes exactly one event.
        URI base = URI.create(api);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(students);
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        for (String token : tokens.values()) {
            clients.add(pool.submit(() -> {
                Map<String, Boolean> done = new HashMap<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try (WriteBench.Wire wire = new WriteBench.Wire(base)) {
                    while (System.nanoTime() < deadline) {
                        String item = WriteBench.ITEMS.get(random.nextInt(WriteBench.ITEMS.size()));
                        boolean next = !done.getOrDefault(item, false);
                        WriteBench.Wire.Answer answer = wire.exchange(WriteBench.tick(base, token, item, next));
                        if (answer.status() == 200) {
                            done.put(item, next);
                            acknowledged.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                    System.err.println("  a connection failed: " + e);
                }
            }));
        }
        for (var client : clients) {
            client.get();
        }
        pool.shutdown();
        double ticking = (System.nanoTime() - started) / 1e9;
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delivered.size() < acknowledged.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        double delivering = (lastArrival.get() - started) / 1e9;
        receiver.stop(0);
        receiving.shutdown();
        WriteBench.send(http, HttpRequest.newBuilder(URI.create(api + "/api/courses/" + COURSE + "/webhooks/" + subscriptionId))
                .header("Authorization", "Bearer " + admin).DELETE().build());

        long[] sorted = delays.stream().mapToLong(d -> d * 1_000_000L).sorted().toArray();
        long lost = acknowledged.get() - delivered.size();
        System.out.printf("Events out: %d students ticking their own items for %d s on PostgreSQL, one subscription (a receiver in the bench answering 204 at once)%n",
                students, seconds);
        System.out.printf("  ticks acknowledged: %d (%.0f/s, %d failed); events delivered: %d (%.0f/s, from the first tick to the last arrival), %d lost, %d repeated%n",
                acknowledged.get(), acknowledged.get() / ticking, failures.get(), delivered.size(), delivered.size() / delivering, lost, repeats.get());
        System.out.printf("  commit to delivery: p50 %s  p99 %s  max %s%n", WriteBench.ms(sorted, 0.50), WriteBench.ms(sorted, 0.99),
                WriteBench.ms(sorted, 1.0));
        System.out.printf("  figures: ticks/s %.0f, events/s %.0f, p50 %s, p99 %s, lost %d%n", acknowledged.get() / ticking,
                delivered.size() / delivering,
                WriteBench.ms(sorted, 0.50).replace("ms", ""), WriteBench.ms(sorted, 0.99).replace("ms", ""), lost);
        System.exit(lost > 0 || failures.get() > 0 ? 1 : 0);
    }
}
