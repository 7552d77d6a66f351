package dev.syllabus.course;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.syllabus.content.ContentFile;
import dev.syllabus.content.CourseReader;
import dev.syllabus.content.CourseSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change written by another replica reaches this replica's read model without a restart. */
@QuarkusTest
class ReplicaRefreshTest {

    @Inject
    CourseStore store;

    @Inject
    CourseCatalog catalog;

    @Test
    void aCourseChangedInTheDatabaseIsServedAfterTheNextRefresh() {
        String original = given().accept("text/markdown")
                .get("/api/courses/demo-course/agenda")
                .asString();
        String changed = original.replace("# Week 1: Basics", "# Week 1: Changed elsewhere");
        CourseSource source = new CourseSource(
                "demo-course", "upload", List.of(new ContentFile("demo-course/" + CourseReader.AGENDA, changed)));
        try {
            // What another replica's upload does: write the database, reload its own read model only.
            store.upload(source.read().course().withVersion(source.version()), anyVersion -> true);
            given().get("/api/courses/demo-course/agenda").then().body("weeks[0].title", equalTo("Basics"));

            assertThat(catalog.refreshIfChanged()).isTrue();

            given().get("/api/courses/demo-course/agenda")
                    .then()
                    .body("weeks[0].title", equalTo("Changed elsewhere"))
                    .header("ETag", startsWith("\"" + source.version() + "-"));
            assertThat(catalog.refreshIfChanged()).as("nothing changed since").isFalse();
        } finally {
            CourseSource back = new CourseSource(
                    "demo-course", "upload", List.of(new ContentFile("demo-course/" + CourseReader.AGENDA, original)));
            store.upload(back.read().course().withVersion(back.version()), anyVersion -> true);
            catalog.reload();
        }
    }
}
