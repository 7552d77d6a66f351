package dev.syllabus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar the way an operator does, with only environment variables, and checks
 * what no in-process test can: bad content stops the service, and the embedded database keeps
 * its data across a restart without re-importing unchanged content.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path work;

    @Test
    void invalidContentStopsTheServiceWithEveryProblemListed() throws Exception {
        Path course = Files.createDirectories(work.resolve("content/broken-course"));
        Files.writeString(
                course.resolve("agenda.md"),
                "+++\ntitle = \"Broken\"\n+++\n# Week 1: A\n- a\n\n# Week 3: C\n"
                        + "## H1: One\n- PR1: a\n- PR3: c\n\nPass: 7 PRs merged.\n");

        Process process =
                start(Map.of("SYLLABUS_CONTENT_DIR", work.resolve("content").toString()));

        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the service stops by itself")
                .isTrue();
        String output = Files.readString(work.resolve("output.log"));
        assertThat(process.exitValue()).isNotZero();
        assertThat(output)
                .contains("broken-course/agenda.md:7: week 3 follows week 1: week 2 is missing")
                .contains("broken-course/agenda.md:10: H1: expected PR2 here but found PR3")
                .contains(
                        "broken-course/agenda.md:8: H1: the pass criterion asks for 7 PRs but only 2 PR tasks are listed");
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossARestart() throws Exception {
        String first = runUntilReady();
        String second = runUntilReady();

        assertThat(first).contains("1 imported or updated");
        // The restart compares the files' digests with the stored versions and reads no Markdown.
        assertThat(second).contains("Serving 1 course(s); content unchanged");
        assertThat(Files.list(work.resolve("data")).map(Path::toString)).anyMatch(name -> name.endsWith(".mv.db"));
    }

    @Test
    void aPasswordChangeInTheSettingsRevokesTokensAndAnAdminLoginThatNamesAStudentStopsTheService() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Process first = start(Map.of());
        String oldToken;
        try {
            String base = awaitReady(http, first);
            oldToken = token(post(
                    http, base + "/api/auth/login", null, "{\"login\":\"admin\",\"password\":\"syllabus-admin\"}"));
            post(
                    http,
                    base + "/api/courses/ml-in-production/join-code",
                    oldToken,
                    "{\"code\":\"PACKAGED-JOIN-1\"}",
                    "PUT");
            HttpResponse<String> joined = post(
                    http,
                    base + "/api/courses/ml-in-production/enrollments",
                    null,
                    "{\"login\":\"took-it-first\",\"password\":\"a long enough password\",\"joinCode\":\"PACKAGED-JOIN-1\"}");
            assertThat(joined.statusCode()).isEqualTo(201);
        } finally {
            stop(first);
        }

        Process second = start(Map.of("SYLLABUS_ADMIN_PASSWORD", "a new admin password"));
        try {
            String base = awaitReady(http, second);
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/auth/me"))
                            .header("Authorization", "Bearer " + oldToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode())
                    .as("a token from before the password changed")
                    .isEqualTo(401);
            assertThat(post(
                                    http,
                                    base + "/api/auth/login",
                                    null,
                                    "{\"login\":\"admin\",\"password\":\"a new admin password\"}")
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            stop(second);
        }

        Process third = start(Map.of("SYLLABUS_ADMIN_LOGIN", "took-it-first"));
        assertThat(third.waitFor(60, TimeUnit.SECONDS))
                .as("the service stops by itself")
                .isTrue();
        assertThat(third.exitValue()).isNotZero();
        assertThat(Files.readString(work.resolve("output.log")))
                .contains(
                        "syllabus.admin.login (SYLLABUS_ADMIN_LOGIN) names 'took-it-first', an existing student account");
    }

    /** Waits until the API is ready (its management interface says so); returns its public address. */
    private String awaitReady(HttpClient http, Process process) throws Exception {
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

    private static final Pattern PUBLIC_PORT = Pattern.compile("Listening on: http://[^\\s]+:(\\d+)");
    private static final Pattern MANAGEMENT_PORT =
            Pattern.compile("Management interface listening on http://[^\\s]+:(\\d+)");

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
            Matcher port = listening.matcher(Files.readString(work.resolve("output.log")));
            if (port.find()) {
                return "http://127.0.0.1:" + port.group(1);
            }
            Thread.sleep(100);
        }
    }

    /** Fails with what the API logged when it is no longer running. */
    private void assertRunning(Process process) throws IOException {
        if (!process.isAlive()) {
            assertThat(process.isAlive())
                    .as("the API is running; it logged:%n%s", Files.readString(work.resolve("output.log")))
                    .isTrue();
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String json) throws Exception {
        return post(http, url, token, json, "POST");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String json, String method)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the API stops on SIGTERM")
                .isTrue();
    }

    /** Starts the jar, waits for readiness, reads the agenda, stops it; returns what it logged. */
    private String runUntilReady() throws Exception {
        Process process = start(Map.of());
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = awaitReady(http, process);
            HttpResponse<String> agenda = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/agenda"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(agenda.statusCode()).isEqualTo(200);
            assertThat(agenda.body()).contains("Machine Learning in Production");
            HttpResponse<String> webhook = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/github/webhook"))
                            .header("X-GitHub-Event", "ping")
                            .header("X-GitHub-Delivery", "1")
                            .header("X-Hub-Signature-256", "sha256=00")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode())
                    .as("without a configured secret every delivery is refused")
                    .isEqualTo(503);
        } finally {
            stop(process);
        }
        return Files.readString(work.resolve("output.log"));
    }

    private Process start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        System.getProperty("test.jvm.jit", "-XX:TieredStopAtLevel=1"),
                        "-jar",
                        JAR.toAbsolutePath().toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("output.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        builder.environment().putAll(environment);
        return builder.start();
    }
}
