package dev.syllabus.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A real HTTP server in the test's process that receives webhooks: it keeps every request (its
 * headers and body) and answers with the status it is told, so a test can take it down and up.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived; header names in lower case. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile IntSupplier answer = status::get;
    private volatile Duration delay = Duration.ZERO;
    private final Map<String, AtomicInteger> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            Received request =
                    new Received(exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8));
            AtomicInteger sameMessage =
                    inFlight.computeIfAbsent(String.valueOf(request.header("webhook-id")), id -> new AtomicInteger());
            mostAtOnce.accumulateAndGet(sameMessage.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sameMessage.decrementAndGet();
            }
            received.add(request);
            byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.getAsInt(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    /** The most requests of one message (one {@code webhook-id}) that were ever in progress at once. */
    public int mostOfOneMessageAtOnce() {
        return mostAtOnce.get();
    }

    /** The receiver's address, ending in {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on, answer every request with {@code code}. */
    public void answer(int code) {
        status.set(code);
        answer = status::get;
    }

    /** From now on, answer as {@code code} says, request by request. */
    public void answer(IntSupplier code) {
        answer = code;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** The next request, waiting up to {@code timeout}; null when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until {@code count} requests came (or {@code timeout} passed) and returns them all. */
    public List<Received> await(int count, Duration timeout) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (all.size() < count) {
            Received next = received.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            all.add(next);
        }
        return all;
    }

    /** Whatever arrived and was not taken yet. */
    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
