import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write path under load: many students tick and untick checklist items at once for a fixed
 * time. Prints requests per second and latency percentiles, then reads the final state from the
 * database and counts every item whose stored state differs from the last answer its student got
 * (a lost update). Run by write-bench.sh: java -cp <postgresql driver> WriteBench.java ...
 */
public class WriteBench {

    private static final String COURSE = "ml-in-production";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> ITEMS = List.of("H2/PR1", "H2/PR2", "H2/PR3", "H3/PR1", "H3/PR2", "H4/PR1", "H5/PR1",
            "H5/PR2", "H6/PR1", "H7/PR1", "H8/PR1", "H9/PR1", "H10/PR1", "H11/PR1", "H12/PR1", "H13/PR1");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String api = options.get("api");
        int students = Integer.parseInt(options.getOrDefault("students", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String admin = token(send(http, post(api + "/api/auth/login",
                "{\"login\":\"admin\",\"password\":\"" + options.get("admin-password") + "\"}", null)));
        send(http, HttpRequest.newBuilder(URI.create(api + "/api/courses/" + COURSE + "/join-code"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"code\":\"BENCH-CODE\"}")).build());
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(students);
        List<java.util.concurrent.Future<?>> joins = new ArrayList<>();
        // A few joins at a time: they hash passwords, which the API allows only a few of at once.
        ExecutorService joining = Executors.newFixedThreadPool(4);
        for (int i = 0; i < students; i++) {
            String login = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            joins.add(joining.submit(() -> tokens.put(login, token(send(http, post(api + "/api/courses/" + COURSE + "/enrollments",
                    "{\"login\":\"" + login + "\",\"password\":\"bench password 123\",\"joinCode\":\"BENCH-CODE\"}", null))))));
        }
        for (var join : joins) {
            join.get();
        }
        joining.shutdown();

        // Each student is one client doing one request at a time, so the last answer it got for an
        // item is that item's true final state.
        Map<String, Map<String, Boolean>> told = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        // The same load first warms the JIT up for a few seconds; only what follows is measured.
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        long started = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long deadline = started + Duration.ofSeconds(seconds).toNanos();
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        for (var student : tokens.entrySet()) {
            clients.add(pool.submit(() -> {
                Map<String, Boolean> mine = new HashMap<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    String item = ITEMS.get(random.nextInt(ITEMS.size()));
                    boolean done = random.nextBoolean();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/api/courses/" + COURSE + "/checklist/" + item + "/done"))
                            .header("Authorization", "Bearer " + student.getValue()).timeout(Duration.ofSeconds(10));
                    request = done ? request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"))
                            : request.DELETE();
                    long t0 = System.nanoTime();
                    boolean measured = t0 >= started;
                    try {
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        if (measured) {
                            latencies.add(System.nanoTime() - t0);
                        }
                        if (response.statusCode() == 200) {
                            mine.put(item, done);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                told.put(student.getKey(), mine);
            }));
        }
        for (var client : clients) {
            client.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("Write path: %d students ticking and unticking for %d s on PostgreSQL%n", students, seconds);
        System.out.printf("  requests: %d (%d failed), %.0f requests/s%n", sorted.size(), failures.get(), sorted.size() / elapsed);
        System.out.printf("  latency p50 %s  p90 %s  p99 %s  max %s%n", ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                ms(sorted, 1.0));

        int checked = 0;
        int lost = 0;
        try (Connection db = DriverManager.getConnection(options.get("jdbc"), options.get("db-user"), options.get("db-password"));
                PreparedStatement query = db.prepareStatement("select a.login, p.item_id, p.done from progress p "
                        + "join account a on a.id = p.account_id join course c on c.id = p.course_id where c.slug = ?")) {
            query.setString(1, COURSE);
            Map<String, Map<String, Boolean>> stored = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), rows.getBoolean(3));
                }
            }
            for (var student : told.entrySet()) {
                for (var item : student.getValue().entrySet()) {
                    checked++;
                    Boolean inDatabase = stored.getOrDefault(student.getKey(), Map.of()).get(item.getKey());
                    if (!item.getValue().equals(inDatabase)) {
                        lost++;
                    }
                }
            }
        }
        System.out.printf("  verified from the database: %d items, %d lost updates%n", checked, lost);
        if (lost > 0 || failures.get() > 0) {
            System.exit(1);
        }
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.1fms", sorted.get(Math.max(0, index)) / 1e6);
    }

    private static HttpRequest post(String url, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).build();
    }

    /** Sends a set-up request; the API sheds password hashing beyond its limit with 503, so those wait and try again. */
    private static String send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int attempt = 0; response.statusCode() == 503 && attempt < 50; attempt++) {
                Thread.sleep(200);
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String body) {
        Matcher matcher = TOKEN.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        return matcher.group(1);
    }
}
