package dev.syllabus.course;

import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Instructors replace a course's content with one Markdown page, checked like content files. */
@QuarkusTest
class CourseUploadTest {

    private static final String DEMO = "/api/courses/demo-course";

    private String original;

    @BeforeEach
    void remember() {
        original = given().accept("text/markdown")
                .get(DEMO + "/agenda")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @AfterEach
    void restore() {
        upload(original).statusCode(200);
    }

    @Test
    void aValidPageReplacesTheCourseAtOnce() {
        String etag = given().get(DEMO + "/agenda").header("ETag");
        String changed = original.replace("# Week 1: Basics", "# Week 1: Uploaded basics");

        upload(changed).statusCode(200).body("slug", equalTo("demo-course"));

        given().get(DEMO + "/agenda")
                .then()
                .statusCode(200)
                .body("weeks[0].title", equalTo("Uploaded basics"))
                .header("ETag", Matchers.not(equalTo(etag)));
    }

    @Test
    void theAnswerListsTheContentChecksWarningsWhichDoNotStopTheUpload() {
        upload(original).statusCode(200).body("warnings", Matchers.empty());

        // H1 asks for its one PR: marking that PR optional changes nothing, which the check points out by line.
        String meaningless = original.replace("- PR1: Open a pull request", "- PR1 (optional): Open a pull request");
        int line = Arrays.asList(meaningless.split("\n")).indexOf("- PR1 (optional): Open a pull request") + 1;
        upload(meaningless)
                .statusCode(200)
                .body("homework", equalTo(1))
                .body(
                        "warnings",
                        Matchers.contains(
                                "demo-course/agenda.md:" + line
                                        + ": H1: PR1 is marked optional, but the pass criterion asks for 1 PR, every one listed: the mark changes nothing"));
        given().get(DEMO + "/homework/H1").then().statusCode(200).body("tasks[0].optional", equalTo(true));
    }

    @Test
    void theAnswerWarnsOfHomeworkTheUploadTakesOffTheChecklists() {
        String token = Api.student("demo-course", Api.uniqueLogin("dropped"));
        as(token).put(DEMO + "/checklist/H1/PR1/done").then().statusCode(200);
        String withoutHomework = original.substring(0, original.indexOf("## H1"));

        upload(withoutHomework)
                .statusCode(200)
                .body("homework", equalTo(0))
                .body("warnings", hasItem(containsString("H1 is not in the upload: it leaves every checklist")));

        // The tick was kept: the course's page uploaded again brings H1 back, ticked.
        upload(original).statusCode(200).body("warnings", Matchers.empty());
        as(token)
                .get(DEMO + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H1/PR1' }.done", equalTo(true));
    }

    @Test
    void anInvalidPageIs422ListingEveryProblemAndChangesNothing() {
        String etag = given().get(DEMO + "/agenda").header("ETag");
        String broken = original + "\n# Week 3: Gap\n\n- [relative](notes.md)\n";

        upload(broken)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("week 3 follows week 1: week 2 is missing")))
                .body("errors.message", hasItem(containsString("link 'notes.md' is not an absolute http(s) URL")));

        given().get(DEMO + "/agenda").then().header("ETag", etag);
    }

    @Test
    void aCheckAnswersWhatPublishingThePageWouldGiveAndChangesNothing() {
        String etag = given().get(DEMO + "/agenda").header("ETag");
        String withoutHomework = original.substring(0, original.indexOf("## H1"));

        check(withoutHomework)
                .statusCode(200)
                .body("slug", equalTo("demo-course"))
                .body("homework", equalTo(0))
                .body("warnings", hasItem(containsString("H1 is not in the upload: it leaves every checklist")));
        check(original + "\n# Week 3: Gap\n")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("week 3 follows week 1: week 2 is missing")));

        given().get(DEMO + "/agenda").then().header("ETag", etag).body("weeks[0].homework[0].code", equalTo("H1"));
        // The version a check names is the one publishing the same page gives.
        String version = check(withoutHomework).extract().path("version");
        upload(withoutHomework).statusCode(200).body("version", equalTo(version));
    }

    @Test
    void anUploadBasedOnAVersionSomeoneHasPublishedOverIs412AndChangesNothing() {
        String basedOn = given().get(DEMO + "/agenda").path("version");
        String mine = original.replace("# Week 1: Basics", "# Week 1: Mine");
        String theirs = original.replace("# Week 1: Basics", "# Week 1: Theirs");

        String published =
                upload(theirs, '"' + basedOn + '"').statusCode(200).extract().header("ETag");
        String theirVersion = given().get(DEMO + "/agenda").path("version");
        Assertions.assertThat(published).isEqualTo('"' + theirVersion + '"');

        upload(mine, '"' + basedOn + '"')
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("now at version " + theirVersion));
        given().get(DEMO + "/agenda").then().body("weeks[0].title", equalTo("Theirs"));

        // Based on what is published now (the last answer's ETag, or one of a list), it goes through.
        upload(mine, "\"elsewhere\", " + published).statusCode(200);
        given().get(DEMO + "/agenda").then().body("weeks[0].title", equalTo("Mine"));
        // A weak tag never matches (If-Match compares strongly); a star matches whatever is published.
        String mineNow = given().get(DEMO + "/agenda").path("version");
        upload(original, "W/\"" + mineNow + '"').statusCode(412);
        upload(original, "*").statusCode(200);
    }

    @Test
    void anUploadMayNameTheAgendaItWasEditedFromByThatAgendasEntityTag() {
        String markdownTag =
                given().accept("text/markdown").get(DEMO + "/agenda").header("ETag");
        String jsonTag =
                given().accept("application/json").get(DEMO + "/agenda").header("ETag");
        Assertions.assertThat(markdownTag).isNotEqualTo(jsonTag);

        upload(original.replace("# Week 1: Basics", "# Week 1: Edited"), markdownTag)
                .statusCode(200);
        // Both tags named the content before that upload: it is gone, so neither admits another one.
        upload(original, markdownTag).statusCode(412);
        upload(original, jsonTag).statusCode(412);
        String current =
                given().accept("application/json").get(DEMO + "/agenda").header("ETag");
        upload(original, current).statusCode(200);
    }

    @Test
    void aMalformedIfMatchIs400NamingItAndChangesNothing() {
        String etag = given().get(DEMO + "/agenda").header("ETag");
        String version = given().get(DEMO + "/agenda").path("version");

        upload(original.replace("# Week 1: Basics", "# Week 1: Unquoted"), version)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));

        given().get(DEMO + "/agenda").then().header("ETag", etag);
    }

    @Test
    void ofTwoUploadsBasedOnOneVersionAtOnceOneIsPublishedAndTheOtherRefused() throws Exception {
        String basedOn = '"' + given().get(DEMO + "/agenda").<String>path("version") + '"';
        List<String> titles = List.of("First", "Second");
        CyclicBarrier together = new CyclicBarrier(titles.size());
        ExecutorService instructors = Executors.newFixedThreadPool(titles.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String title : titles) {
                String page = original.replace("# Week 1: Basics", "# Week 1: " + title);
                answers.add(instructors.submit(() -> {
                    together.await();
                    return upload(page, basedOn).extract().statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            Assertions.assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            String winner = titles.get(statuses.indexOf(200));
            given().get(DEMO + "/agenda").then().body("weeks[0].title", equalTo(winner));
        } finally {
            instructors.shutdownNow();
        }
    }

    @Test
    void onlyInstructorsUploadAndOnlyToExistingCourses() {
        given().contentType("text/markdown")
                .body(original)
                .put(DEMO + "/content")
                .then()
                .statusCode(401);
        as(Api.student(Api.uniqueLogin("uploader")))
                .contentType("text/markdown")
                .body(original)
                .put(DEMO + "/content")
                .then()
                .statusCode(403);
        as(Api.admin())
                .contentType("text/markdown")
                .body(original)
                .put("/api/courses/no-such-course/content")
                .then()
                .statusCode(404);
        as(Api.admin())
                .contentType("application/json")
                .body("{}")
                .put(DEMO + "/content")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aLongLineOfSpacesAfterATaskMarkerIsReadInLinearTime() {
        // Once quadratic: '- PR4', 40,000 spaces and 'x' took 11 s (two \s* around an optional group).
        long none = fastestCheck(0);
        long forty = fastestCheck(40_000);
        long eighty = fastestCheck(80_000);
        // The line's own cost, over the same page without it: what the box is doing that day is in both.
        Assertions.assertThat(forty - none)
                .as("a 40 KB line adds under 100 ms to the check (%d ms, %d ms without it)", forty, none)
                .isLessThan(100);
        Assertions.assertThat(eighty - none)
                .as(
                        "twice the line costs about twice as much more, not four times (%d, %d, %d ms)",
                        none, forty, eighty)
                // A quadratic reading would add seconds; tens of milliseconds are the box's noise.
                .isLessThanOrEqualTo(3 * Math.max(0, forty - none) + 100);
    }

    /** The fastest of seven content checks of the demo page with a task line padded by {@code spaces} spaces. */
    private long fastestCheck(int spaces) {
        String page = original.replace(
                "- PR1: Open a pull request", "- PR1: Open a pull request\n- PR4" + " ".repeat(spaces) + "x");
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            check(page).statusCode(Matchers.oneOf(200, 422));
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1_000_000);
        }
        return fastest;
    }

    /** The instructor checks {@code page} as the demo course's content, publishing nothing. */
    private static ValidatableResponse check(String page) {
        return asInstructorWith(page).post(DEMO + "/content/check").then();
    }

    /** The instructor uploads {@code page} as the demo course's content. */
    private static ValidatableResponse upload(String page) {
        return asInstructorWith(page).put(DEMO + "/content").then();
    }

    /** The same, publishing only over the version(s) {@code ifMatch} names. */
    private static ValidatableResponse upload(String page, String ifMatch) {
        return asInstructorWith(page)
                .header("If-Match", ifMatch)
                .put(DEMO + "/content")
                .then();
    }

    private static RequestSpecification asInstructorWith(String page) {
        return as(Api.admin()).contentType("text/markdown").body(page);
    }
}
