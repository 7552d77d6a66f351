package dev.syllabus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar, started the way an operator starts it (only environment variables) in a
 * working folder of the test's; each process logs to its own file there.
 */
public final class PackagedJar {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern PUBLIC_PORT = Pattern.compile("Listening on: http://[^\\s]+:(\\d+)");
    private static final Pattern MANAGEMENT_PORT =
            Pattern.compile("Management interface listening on http://[^\\s]+:(\\d+)");

    private final Path work;
    private final Map<Process, Path> logs = new ConcurrentHashMap<>();

    public PackagedJar(Path work) {
        this.work = work;
    }

    /** Starts the jar logging to {@code output.log}. */
    public Process start(Map<String, String> environment) throws IOException {
        return start("output.log", environment);
    }

    public Process start(String log, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        System.getProperty("test.jvm.jit", "-XX:TieredStopAtLevel=1"),
                        "-jar",
                        JAR.toAbsolutePath().toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        builder.environment().putAll(environment);
        Process process = builder.start();
        logs.put(process, work.resolve(log));
        return process;
    }

    /** What the process logged so far. */
    public String log(Process process) throws IOException {
        return Files.readString(logs.get(process));
    }

    /** Waits until the API is ready (its management interface says so); returns its public address. */
    public String awaitReady(HttpClient http, Process process) throws Exception {
        String base = address(process, PUBLIC_PORT);
        String management = address(process, MANAGEMENT_PORT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertRunning(process);
            assertThat(System.nanoTime()).as("the API got ready in time").isLessThan(deadline);
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    for (String inside : new String[] {"/q/health/ready", "/q/metrics"}) {
                        assertThat(http.send(
                                                HttpRequest.newBuilder(URI.create(base + inside))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode())
                                .as("%s answers on the management interface only", inside)
                                .isEqualTo(404);
                    }
                    return base;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    /**
     * Where the API listens (its public port or its management interface's, as {@code listening}
     * finds in its log): it picks free ports itself (port 0) and logs them, so no other process can
     * take a port between a test choosing it and the API binding it.
     */
    private String address(Process process, Pattern listening) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertRunning(process);
            assertThat(System.nanoTime()).as("the API started in time").isLessThan(deadline);
            Matcher port = listening.matcher(log(process));
            if (port.find()) {
                return "http://127.0.0.1:" + port.group(1);
            }
            Thread.sleep(100);
        }
    }

    /** Fails with what the API logged when it is no longer running. */
    public void assertRunning(Process process) throws IOException {
        if (!process.isAlive()) {
            assertThat(process.isAlive())
                    .as("the API is running; it logged:%n%s", log(process))
                    .isTrue();
        }
    }

    public static HttpResponse<String> send(HttpClient http, String url, String token, String json, String method)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bearer token of a sign-in's answer. */
    public static String token(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** Stops the API as an orchestrator does (SIGTERM) and checks that it stops. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the API stops on SIGTERM")
                .isTrue();
    }
}
