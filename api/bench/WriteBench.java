import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    /** Seconds per step of the printed warm-up curve. */
    private static final int WINDOW = 15;
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final List<String> ITEMS = List.of("H2/PR1", "H2/PR2", "H2/PR3", "H3/PR1", "H3/PR2", "H4/PR1", "H5/PR1",
            "H5/PR2", "H6/PR1", "H7/PR1", "H8/PR1", "H9/PR1", "H10/PR1", "H11/PR1", "H12/PR1", "H13/PR1");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String api = options.get("api");
        int students = Integer.parseInt(options.getOrDefault("students", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

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

        // One connection per student, one request at a time (a closed loop). A quarter of each
        // connection's ticks are its neighbour's items, so the same rows are written from two
        // connections at once, as two tabs or a student and an instructor would.
        List<String> logins = new ArrayList<>(tokens.keySet());
        Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        // The same load first warms the JIT up; only what follows is measured.
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        long began = System.nanoTime();
        long started = began + Duration.ofSeconds(warmup).toNanos();
        // Answers per second from the first request on: the warm-up curve of a new replica.
        java.util.concurrent.atomic.AtomicLongArray perSecond = new java.util.concurrent.atomic.AtomicLongArray(warmup + seconds + 2);
        long deadline = started + Duration.ofSeconds(seconds).toNanos();
        URI base = URI.create(api);
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            String own = logins.get(i);
            String neighbour = logins.get((i + 1) % logins.size());
            clients.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try (Wire wire = new Wire(base)) {
                    while (System.nanoTime() < deadline) {
                        String student = random.nextInt(4) == 0 ? neighbour : own;
                        String item = ITEMS.get(random.nextInt(ITEMS.size()));
                        boolean done = random.nextBoolean();
                        long t0 = System.nanoTime();
                        Wire.Answer answer = wire.exchange(tick(base, tokens.get(student), item, done));
                        long took = System.nanoTime() - t0;
                        perSecond.incrementAndGet((int) Math.min(perSecond.length() - 1, (t0 + took - began) / 1_000_000_000L));
                        if (t0 >= started) {
                            if (count == mine.length) {
                                mine = java.util.Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = took;
                        }
                        Matcher version = VERSION.matcher(answer.body());
                        if (answer.status() != 200 || !version.find()) {
                            failures.incrementAndGet();
                            continue;
                        }
                        acknowledged.merge(student + " " + item, new Ack(Long.parseLong(version.group(1)), done),
                                (a, b) -> a.version() >= b.version() ? a : b);
                    }
                } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                    System.err.println("  a connection failed: " + e);
                }
                latencies.add(java.util.Arrays.copyOf(mine, count));
            }));
        }
        for (var client : clients) {
            client.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();

        long[] sorted = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        System.out.printf("Write path: %d students ticking and unticking for %d s on PostgreSQL (%d connections, HTTP/1.1)%n",
                logins.size(), seconds, logins.size());
        if (warmup > 0) {
            StringBuilder curve = new StringBuilder("  warm-up (the JIT compiling the hot path), answers/s:");
            for (int from = 0; from < warmup; from += WINDOW) {
                int to = Math.min(warmup, from + WINDOW);
                long answers = 0;
                for (int second = from; second < to; second++) {
                    answers += perSecond.get(second);
                }
                curve.append(String.format(" %d-%d s %d;", from, to, answers / (to - from)));
            }
            System.out.println(curve.substring(0, curve.length() - 1));
        }
        System.out.printf("  requests: %d (%d failed), %.0f requests/s%n", sorted.length, failures.get(), sorted.length / elapsed);
        System.out.printf("  latency p50 %s  p90 %s  p99 %s  max %s%n", ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                ms(sorted, 1.0));

        // Every change carries a new version. Per item, the highest version any answer acknowledged
        // must be what the database holds, with that answer's state: an older version stored means
        // an acknowledged change was lost; a newer one, a change nobody was told about.
        int checked = 0;
        int lost = 0;
        int unacknowledged = 0;
        try (Connection db = DriverManager.getConnection(options.get("jdbc"), options.get("db-user"), options.get("db-password"));
                PreparedStatement query = db.prepareStatement("select a.login, p.item_id, p.done, p.version from progress p "
                        + "join account a on a.id = p.account_id join course c on c.id = p.course_id where c.slug = ?")) {
            query.setString(1, COURSE);
            Map<String, Ack> stored = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1) + " " + rows.getString(2), new Ack(rows.getLong(4), rows.getBoolean(3)));
                }
            }
            for (var item : acknowledged.entrySet()) {
                checked++;
                Ack told = item.getValue();
                Ack inDatabase = stored.get(item.getKey());
                if (inDatabase == null || inDatabase.version() < told.version()
                        || (inDatabase.version() == told.version() && inDatabase.done() != told.done())) {
                    lost++;
                } else if (inDatabase.version() > told.version()) {
                    unacknowledged++;
                }
            }
        }
        System.out.printf("  verified from the database: %d items, %d lost updates, %d changes never acknowledged%n",
                checked, lost, unacknowledged);
        if (lost > 0 || failures.get() > 0) {
            System.exit(1);
        }
    }

    /** What an answer said about an item: its version and whether it is done. */
    private record Ack(long version, boolean done) {}

    static byte[] tick(URI api, String token, String item, boolean done) {
        String head = (done ? "PUT " : "DELETE ") + "/api/courses/" + COURSE + "/checklist/" + item + "/done HTTP/1.1\r\n"
                + "Host: " + api.getAuthority() + "\r\nAuthorization: Bearer " + token + "\r\n";
        return (done ? head + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : head + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One keep-alive HTTP/1.1 connection, one request at a time, with as little work as a client
     * can do, so the load generator leaves the two cores to the API and the database: the JDK's
     * HttpClient multiplexes every request over one HTTP/2 connection and spends about as much CPU
     * per request as the API does.
     */
    static final class Wire implements AutoCloseable {
        record Answer(int status, String body) {}

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Wire(URI api) throws java.io.IOException {
            socket = new Socket(api.getHost(), api.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            out = new BufferedOutputStream(socket.getOutputStream());
            in = new BufferedInputStream(socket.getInputStream());
        }

        Answer exchange(byte[] request) throws java.io.IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon == 14 && header.regionMatches(true, 0, "content-length", 0, 14)) {
                    length = Integer.parseInt(header.substring(colon + 1).trim());
                }
            }
            if (length < 0) {
                throw new java.io.IOException("an answer without Content-Length: " + statusLine);
            }
            return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the API closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1fms", sorted[Math.max(0, index)] / 1e6);
    }

    static HttpRequest post(String url, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).build();
    }

    /** Sends a set-up request; the API sheds password hashing beyond its limit with 503, so those wait and try again. */
    static String send(HttpClient http, HttpRequest request) {
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

    static String token(String body) {
        Matcher matcher = TOKEN.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        return matcher.group(1);
    }
}
