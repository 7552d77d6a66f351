package dev.syllabus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.support.PackagedJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar the way an operator does, with only environment variables, and checks
 * what no in-process test can: bad content stops the service, and the embedded database keeps
 * its data across a restart without re-importing unchanged content.
 */
class PackagedJarIT {

    @TempDir
    Path work;

    private PackagedJar jar;

    @BeforeEach
    void setUp() {
        jar = new PackagedJar(work);
    }

    @Test
    void invalidContentStopsTheServiceWithEveryProblemListed() throws Exception {
        Path course = Files.createDirectories(work.resolve("content/broken-course"));
        Files.writeString(
                course.resolve("agenda.md"),
                "+++\ntitle = \"Broken\"\n+++\n# Week 1: A\n- a\n\n# Week 3: C\n"
                        + "## H1: One\n- PR1: a\n- PR3: c\n\nPass: 7 PRs merged.\n");

        Process process =
                jar.start(Map.of("SYLLABUS_CONTENT_DIR", work.resolve("content").toString()));

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
        Process first = jar.start(Map.of());
        String oldToken;
        try {
            String base = jar.awaitReady(http, first);
            oldToken = PackagedJar.token(PackagedJar.send(
                    http,
                    base + "/api/auth/login",
                    null,
                    "{\"login\":\"admin\",\"password\":\"syllabus-admin\"}",
                    "POST"));
            PackagedJar.send(
                    http,
                    base + "/api/courses/ml-in-production/join-code",
                    oldToken,
                    "{\"code\":\"PACKAGED-JOIN-1\"}",
                    "PUT");
            HttpResponse<String> joined = PackagedJar.send(
                    http,
                    base + "/api/courses/ml-in-production/enrollments",
                    null,
                    "{\"login\":\"took-it-first\",\"password\":\"a long enough password\",\"joinCode\":\"PACKAGED-JOIN-1\"}",
                    "POST");
            assertThat(joined.statusCode()).isEqualTo(201);
        } finally {
            PackagedJar.stop(first);
        }

        Process second = jar.start(Map.of("SYLLABUS_ADMIN_PASSWORD", "a new admin password"));
        try {
            String base = jar.awaitReady(http, second);
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/auth/me"))
                            .header("Authorization", "Bearer " + oldToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode())
                    .as("a token from before the password changed")
                    .isEqualTo(401);
            assertThat(PackagedJar.send(
                                    http,
                                    base + "/api/auth/login",
                                    null,
                                    "{\"login\":\"admin\",\"password\":\"a new admin password\"}",
                                    "POST")
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            PackagedJar.stop(second);
        }

        Process third = jar.start(Map.of("SYLLABUS_ADMIN_LOGIN", "took-it-first"));
        assertThat(third.waitFor(60, TimeUnit.SECONDS))
                .as("the service stops by itself")
                .isTrue();
        assertThat(third.exitValue()).isNotZero();
        assertThat(Files.readString(work.resolve("output.log")))
                .contains(
                        "syllabus.admin.login (SYLLABUS_ADMIN_LOGIN) names 'took-it-first', an existing student account");
    }

    /** Starts the jar, waits for readiness, reads the agenda, stops it; returns what it logged. */
    private String runUntilReady() throws Exception {
        Process process = jar.start(Map.of());
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = jar.awaitReady(http, process);
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
            PackagedJar.stop(process);
        }
        return Files.readString(work.resolve("output.log"));
    }
}
