package dev.syllabus.course;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.syllabus.content.InvalidContentException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The importer against the real database: content from the folder named by
 * {@code syllabus.content.dir} (see application.properties, test profile) is imported once,
 * re-imported only when it changes, and a change replaces the old course whole.
 */
@QuarkusTest
class CourseImportTest {

    private static final Path AGENDA = Path.of("target/test-classes/test-content/demo-course/agenda.md");
    private static final String DEMO = "/api/courses/demo-course";

    @Inject
    CourseImporter importer;

    @Inject
    EntityManager entityManager;

    private String original;

    @BeforeEach
    void remember() throws IOException {
        original = Files.readString(AGENDA);
    }

    @AfterEach
    void restore() throws IOException {
        Files.writeString(AGENDA, original);
        importer.importAll();
    }

    @Test
    void importsCoursesFromTheContentFolderBesideTheBuiltInOnes() {
        given().get(DEMO + "/agenda")
                .then()
                .statusCode(200)
                .body("title", equalTo("Demo Course"))
                .body("weeks[0].homework[0].tasks.id", contains("H1/PR1"));
    }

    @Test
    void unchangedContentIsNotWrittenAgain() {
        assertThat(importer.importAll()).isZero();
    }

    @Test
    void changedContentReplacesTheOldVersionWhole() throws IOException {
        String etag = given().get(DEMO + "/agenda").then().extract().header("ETag");
        Files.writeString(
                AGENDA,
                original.replace("# Week 1: Basics", "# Week 1: Foundations")
                        + "\n# Week 2: More\n\n- Going on\n\n## H2: Second\n\n- PR1: Another\n- PR2 (optional): One more\n\nPass: 1 PR merged.\n");

        assertThat(importer.importAll()).isEqualTo(1);

        given().get(DEMO + "/agenda")
                .then()
                .statusCode(200)
                .body("weeks.title", contains("Foundations", "More"))
                .body("weeks[1].homework[0].tasks.code", contains("PR1", "PR2"));
        String newEtag = given().get(DEMO + "/agenda").then().extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        given().header("If-None-Match", etag).get(DEMO + "/agenda").then().statusCode(200);
        assertThat(countRows(
                        "select count(*) from week w join course c on c.id = w.course_id where c.slug = 'demo-course'"))
                .isEqualTo(2);
        assertThat(
                        countRows(
                                "select count(*) from task t join homework h on h.id = t.homework_id "
                                        + "join week w on w.id = h.week_id join course c on c.id = w.course_id where c.slug = 'demo-course'"))
                .isEqualTo(3);
    }

    @Test
    void contentWarningsAreLoggedOnceWhenAVersionIsImportedNotOnEveryStart() throws IOException {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(CourseImporter.class.getName());
        logger.addHandler(capture);
        try {
            Files.writeString(
                    AGENDA, original + "\n# Week 2: Reflect\n\n- Looking back\n\n## H2: Reflect\n\nPass: None.\n");
            assertThat(importer.importAll()).isEqualTo(1);
            assertThat(logged)
                    .filteredOn(message -> message.contains("Content warning"))
                    .singleElement()
                    .asString()
                    .contains("demo-course", "H2 has no tasks and no approval to wait for");

            logged.clear();
            assertThat(importer.importAll()).isZero();
            assertThat(logged).noneMatch(message -> message.contains("Content warning"));
            // Nothing was read: the digests matched the stored versions.
            assertThat(logged).anyMatch(message -> message.endsWith("content unchanged"));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void invalidContentChangesNothingAndListsEveryProblem() throws IOException {
        String etag = given().get(DEMO + "/agenda").then().extract().header("ETag");
        Files.writeString(AGENDA, original + "\n# Week 3: Skipped two\n\n- [relative](docs/x.md)\n");

        assertThatThrownBy(() -> importer.importAll())
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("demo-course/agenda.md:19: week 3 follows week 1: week 2 is missing")
                .hasMessageContaining("demo-course/agenda.md:21: link 'docs/x.md' is not an absolute http(s) URL");

        given().get(DEMO + "/agenda")
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("weeks", Matchers.hasSize(1));
    }

    private long countRows(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void aCourseStoredBeforeRunsExistedGetsItsFirstRunAtTheNextStartEvenWhenItsContentIsUnchanged() {
        long courseId = QuarkusTransaction.requiringNew()
                .call(() -> CourseEntity.findBySlug("demo-course").orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> {
            // What V7 leaves behind for a course imported earlier: no run, the join code on the course.
            entityManager
                    .createNativeQuery("update enrollment set run_id = null where course_id = ?1")
                    .setParameter(1, courseId)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("delete from course_run where course_id = ?1")
                    .setParameter(1, courseId)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("update course set join_code = 'OLD-DEMO-CODE' where id = ?1")
                    .setParameter(1, courseId)
                    .executeUpdate();
        });

        assertThat(importer.importAll())
                .as("the content is unchanged: nothing rewritten")
                .isZero();

        QuarkusTransaction.requiringNew().run(() -> {
            List<CourseRunEntity> runs = CourseRunEntity.ofCourse(courseId);
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.name).isEqualTo(CourseStore.FIRST_RUN);
                assertThat(run.joinCode).isEqualTo("OLD-DEMO-CODE");
                assertThat(run.startsOn.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            });
            Number unplaced = (Number) entityManager
                    .createNativeQuery("select count(*) from enrollment where course_id = ?1 and run_id is null")
                    .setParameter(1, courseId)
                    .getSingleResult();
            assertThat(unplaced.longValue()).isZero();
        });
        given().get(DEMO + "/agenda")
                .then()
                .statusCode(200)
                .body("run.name", equalTo(CourseStore.FIRST_RUN))
                .body("weeks[0].start", Matchers.notNullValue());
    }
}
