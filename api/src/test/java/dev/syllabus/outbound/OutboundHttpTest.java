package dev.syllabus.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.syllabus.support.Receiver;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posting one webhook over real HTTP: what is refused, what is not followed, what is not read. */
class OutboundHttpTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/redirect", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            hits.addAndGet(100);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "x".repeat(64 * 1024).getBytes();
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 16 * 200; i++) { // 200 MB, if anyone read it all
                    out.write(chunk);
                }
            } catch (java.io.IOException e) {
                // the sender hung up, as it should
            }
        });
        server.createContext("/trickle", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                // the sender hung up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void loopbackTargetsAreRefusedWhenTheConnectionIsMadeByAddressOrByName() throws Exception {
        try (Receiver receiver = new Receiver();
                OutboundHttp transport = new OutboundHttp("test", false, SECOND, SECOND, 1024, 2)) {
            OutboundHttp.Answer byAddress = transport.post(receiver.url("/hook"), Map.of(), "{}");
            OutboundHttp.Answer byName =
                    transport.post(receiver.url("/hook").replace("127.0.0.1", "localhost"), Map.of(), "{}");

            assertThat(byAddress.status()).isZero();
            assertThat(byAddress.error()).contains("127.0.0.1").contains("not a public address");
            assertThat(byName.status()).isZero();
            assertThat(byName.error()).contains("localhost resolves to").contains("not a public address");
            assertThat(receiver.next(Duration.ofMillis(300)))
                    .as("nothing reached the receiver")
                    .isNull();
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (OutboundHttp transport = new OutboundHttp("test", true, SECOND, SECOND, 1024, 2)) {
            OutboundHttp.Answer answer = transport.post(url("/redirect"), Map.of(), "{}");

            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.delivered()).isFalse();
            assertThat(hits).hasValue(1);
        }
    }

    @Test
    void anOversizedAnswerIsCutShortAndItsFirstBytesKept() throws Exception {
        try (OutboundHttp transport = new OutboundHttp("test", true, SECOND, Duration.ofSeconds(5), 1024, 2)) {
            long started = System.nanoTime();
            OutboundHttp.Answer answer = transport.post(url("/huge"), Map.of(), "{}");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.firstBytes())
                    .hasSize(OutboundHttp.KEPT_ANSWER_CHARS)
                    .matches("x+");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aReceiverThatTricklesIsCutOffAtTheDeadline() throws Exception {
        try (OutboundHttp transport = new OutboundHttp("test", true, SECOND, Duration.ofMillis(800), 1024, 2)) {
            long started = System.nanoTime();
            OutboundHttp.Answer answer = transport.post(url("/trickle"), Map.of(), "{}");

            assertThat(answer.delivered()).isFalse();
            assertThat(answer.error()).contains("no answer within");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aReceiverThatIsDownIsAnAnswerNotAnException() throws Exception {
        try (OutboundHttp transport = new OutboundHttp("test", true, SECOND, SECOND, 1024, 2)) {
            String closed = url("/hook");
            server.stop(0);

            OutboundHttp.Answer answer = transport.post(closed, Map.of(), "{}");

            assertThat(answer.status()).isZero();
            assertThat(answer.error()).isNotBlank();
        }
    }
}
