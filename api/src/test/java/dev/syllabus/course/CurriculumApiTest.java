package dev.syllabus.course;

import static dev.syllabus.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.content.ContentFile;
import dev.syllabus.content.Course;
import dev.syllabus.content.CourseReader;
import dev.syllabus.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The public read API, end to end: content imported into the database at start-up, served over HTTP. */
@QuarkusTest
class CurriculumApiTest {

    private static final String COURSE = "/api/courses/ml-in-production";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void listsTheCoursesWithSlugAndTitle() {
        given().when()
                .get("/api/courses")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Total-Count", Integer::parseInt, Matchers.greaterThanOrEqualTo(2))
                .body("slug", hasItem("ml-in-production"))
                .body("find { it.slug == 'ml-in-production' }.title", equalTo("Machine Learning in Production"))
                .body("find { it.slug == 'ml-in-production' }.weeks", equalTo(8))
                .body("find { it.slug == 'ml-in-production' }.homework", equalTo(16));
    }

    @Test
    void pagesTheCourseListWithLinkHeaders() {
        Response first = given().queryParam("size", 1).when().get("/api/courses");
        first.then()
                .statusCode(200)
                .body("$", hasSize(1))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", not(containsString("rel=\"prev\"")));
        Response second =
                given().queryParam("size", 1).queryParam("page", 2).when().get("/api/courses");
        second.then().statusCode(200).body("$", hasSize(1));
        assertThat(second.headers().getValues("Link"))
                .anySatisfy(link -> assertThat(link).contains("rel=\"prev\""));
        assertThat(second.path("[0].slug").toString())
                .isNotEqualTo(first.path("[0].slug").toString());
    }

    @Test
    void rejectsABadPageSizeNamingTheParameter() {
        given().queryParam("size", 1000)
                .when()
                .get("/api/courses")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void servesACourseWithItsRulesAndASummaryOfItsWeeks() {
        given().when()
                .get(COURSE)
                .then()
                .statusCode(200)
                .body("slug", equalTo("ml-in-production"))
                .body("title", equalTo("Machine Learning in Production"))
                .body(
                        "principles.text",
                        contains("Lecture: Theory", "Webinars: Demo/Missing parts/Deep-dive", "Practice first"))
                .body("links.title", contains("Projector landing", "MLEResources"))
                .body("tools.name", contains("Docker", "Minikube", "Kind", "K9S"))
                .body("tools[3].url", equalTo("https://k9scli.io/topics/install/"))
                .body("homeworkRules[0].title", equalTo("Setup GitHub repo"))
                .body("homeworkRules[0].links[0].url", equalTo("http://github.com/"))
                .body("homeworkRules[2].details[0].details", hasSize(4))
                .body("weeks", hasSize(8))
                .body("weeks[1].title", equalTo("Data"))
                .body("weeks[1].homework.code", contains("H3", "H4"));
    }

    @Test
    void servesTheWholeAgendaInOneDocument() {
        given().when()
                .get(COURSE + "/agenda")
                .then()
                .statusCode(200)
                .body("title", equalTo("Machine Learning in Production"))
                .body("weeks.number", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body(
                        "weeks[0].topics.title",
                        contains(
                                "Motivation, ML 101",
                                "Main components of ML system",
                                "Infrastructure for ML, Docker, Kubernetes, CI/CD",
                                "Design documents"))
                .body("weeks.homework.flatten().code", hasSize(16))
                .body("weeks[0].homework[1].code", equalTo("H2"))
                .body("weeks[0].homework[1].tasks.code", contains("PR1", "PR2", "PR3", "OTHER"))
                .body("weeks[0].homework[1].tasks[3].kind", equalTo("OTHER"))
                .body("weeks[0].homework[1].pass.requiredPrs", equalTo(3))
                .body("weeks[1].homework[0].tasks.find { it.code == 'PR5' }.optional", equalTo(true))
                .body("weeks[0].homework[0].pass.instructorApproval", equalTo(true))
                .body("tools", hasSize(4))
                .body("links", hasSize(2));
    }

    @Test
    void theDefaultAgendaIsTheDefaultCourse() {
        String course =
                given().get(COURSE + "/agenda").then().statusCode(200).extract().asString();
        String byDefault =
                given().get("/api/agenda").then().statusCode(200).extract().asString();
        assertThat(byDefault).isEqualTo(course);
    }

    @Test
    void servesWeeksAndHomeworkOneByOne() {
        given().get(COURSE + "/weeks")
                .then()
                .statusCode(200)
                .body("$", hasSize(8))
                .body("[7].title", equalTo("Platforms"));
        given().get(COURSE + "/weeks/3")
                .then()
                .statusCode(200)
                .body("number", equalTo(3))
                .body("title", equalTo("Experiments"))
                .body("homework.code", contains("H5", "H6"))
                .body("lectures", hasSize(2))
                .body("webinar.title", equalTo("Webinar"));
        given().get(COURSE + "/homework")
                .then()
                .statusCode(200)
                .body("$", hasSize(16))
                .body("[15].tasks", hasSize(0));
        given().get(COURSE + "/homework/h7")
                .then()
                .statusCode(200)
                .body("code", equalTo("H7"))
                .body("week", equalTo(4))
                .body("tasks.id", hasItem("H7/PR6"))
                .body("pass.listedPrs", equalTo(6));
    }

    @Test
    void theMarkdownAgendaReadsBackToTheSameCourse() throws Exception {
        String markdown = given().accept("text/markdown")
                .when()
                .get(COURSE + "/agenda")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .extract()
                .asString();
        String json = given().accept(ContentType.JSON)
                .get(COURSE + "/agenda")
                .then()
                .extract()
                .asString();
        Course served = new ObjectMapper()
                .findAndRegisterModules()
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .readValue(json, Course.class);

        CourseReader.Result read =
                CourseReader.read("ml-in-production", List.of(new ContentFile("ml-in-production/agenda.md", markdown)));

        assertThat(read.issues()).isEmpty();
        // The export keeps the rules (Due: lines, the schedule); dated by the same run, it is the served course.
        assertThat(read.course().on(served.run())).isEqualTo(served.withVersion(null));
    }

    @Test
    void everyAnswerCarriesAStrongETagAndAnswersIfNoneMatchWith304() {
        Response first = given().get(COURSE + "/agenda");
        String etag = first.header("ETag");
        // The content version, then the current run's dates, then the coding (REST Assured takes gzip).
        assertThat(etag).matches("\"[0-9a-f]{20}-[0-9a-f]{8}-gzip\"");
        assertThat(first.header("Cache-Control")).contains("max-age");

        given().header("If-None-Match", etag)
                .get(COURSE + "/agenda")
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(equalTo(""));
        given().header("If-None-Match", "\"stale\", " + etag)
                .get("/api/agenda")
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"stale\"")
                .get(COURSE + "/agenda")
                .then()
                .statusCode(200);
        for (String path : List.of(
                "/api/courses",
                COURSE,
                COURSE + "/weeks",
                COURSE + "/weeks/1",
                COURSE + "/homework",
                COURSE + "/homework/H1")) {
            String tag = given().get(path).then().statusCode(200).extract().header("ETag");
            assertThat(tag).as(path).isNotNull().doesNotStartWith("W/");
            given().header("If-None-Match", tag).get(path).then().statusCode(304);
        }
    }

    @Test
    void aClientThatTakesGzipGetsTheCurriculumCompressedUnderItsOwnTagOnBothPaths() throws IOException {
        RawHttp http = new RawHttp(RestAssured.port, Duration.ofSeconds(10));
        // The exact media type takes the fast path; with a quality, the request goes through the resource.
        for (String accept : List.of("application/json", "application/json;q=0.9")) {
            RawHttp.Answer plain = http.get(COURSE + "/agenda", Map.of("Accept", accept));
            RawHttp.Answer gzipped =
                    http.get(COURSE + "/agenda", Map.of("Accept", accept, "Accept-Encoding", "gzip, deflate, br"));
            RawHttp.Answer notGzip =
                    http.get(COURSE + "/agenda", Map.of("Accept", accept, "Accept-Encoding", "deflate"));

            assertThat(plain.status()).as(accept).isEqualTo(200);
            assertThat(plain.header("Content-Encoding")).as(accept).isNull();
            assertThat(gzipped.header("Content-Encoding")).as(accept).isEqualTo("gzip");
            // RawHttp unzips what comes with Content-Encoding: gzip.
            assertThat(gzipped.body()).as(accept).isEqualTo(plain.body());
            assertThat(Integer.parseInt(gzipped.header("Content-Length")))
                    .as(accept)
                    .isLessThan(plain.body().length / 3);
            // Nothing compresses the answer on the fly for a coding the server has not made: its tag names its bytes.
            assertThat(notGzip.header("Content-Encoding")).as(accept).isNull();
            assertThat(notGzip.body()).as(accept).isEqualTo(plain.body());
            assertThat(gzipped.header("ETag"))
                    .as(accept)
                    .isEqualTo(plain.header("ETag").replaceFirst("\"$", "-gzip\""));
            for (RawHttp.Answer answer : List.of(plain, gzipped, notGzip)) {
                assertThat(answer.header("Vary")).as(accept).contains("Accept-Encoding");
            }

            RawHttp.Answer revalidated = http.get(
                    COURSE + "/agenda",
                    Map.of("Accept", accept, "Accept-Encoding", "gzip", "If-None-Match", gzipped.header("ETag")));
            assertThat(revalidated.status()).as(accept).isEqualTo(304);
            assertThat(revalidated.header("ETag")).as(accept).isEqualTo(gzipped.header("ETag"));
            assertThat(revalidated.header("Vary")).as(accept).contains("Accept-Encoding");
            RawHttp.Answer otherCoding = http.get(
                    COURSE + "/agenda",
                    Map.of("Accept", accept, "Accept-Encoding", "gzip", "If-None-Match", plain.header("ETag")));
            assertThat(otherCoding.status()).as(accept).isEqualTo(200);
        }
    }

    @Test
    void aRevalidationKeepsCorsVaryAndCachingHeaders() {
        String etag = given().get(COURSE + "/agenda").header("ETag");
        given().header("Origin", "http://localhost:5173")
                .header("If-None-Match", etag)
                .get(COURSE + "/agenda")
                .then()
                .statusCode(304)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Vary", containsString("Accept"))
                .header("Vary", containsString("Origin"))
                .header("Cache-Control", containsString("max-age"));
    }

    @Test
    void aMatchingETagDoesNotHideAnUnacceptableMediaType() {
        String etag = given().get(COURSE + "/weeks").header("ETag");
        given().accept("text/markdown")
                .header("If-None-Match", etag)
                .get(COURSE + "/weeks")
                .then()
                .statusCode(406)
                .contentType(PROBLEM);
    }

    @Test
    void theMarkdownAgendaHasItsOwnETag() {
        String json = given().accept(ContentType.JSON).get(COURSE + "/agenda").header("ETag");
        String markdown =
                given().accept("text/markdown").get(COURSE + "/agenda").header("ETag");
        assertThat(markdown).isNotEqualTo(json);
        given().accept("text/markdown")
                .header("If-None-Match", json)
                .get(COURSE + "/agenda")
                .then()
                .statusCode(200);
    }

    @Test
    void compressesForClientsThatAcceptGzip() {
        given().header("Accept-Encoding", "gzip")
                .get(COURSE + "/agenda")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .body("title", equalTo("Machine Learning in Production"));
    }

    @Test
    void unknownCourseWeekOrHomeworkIs404Problem() {
        for (String path : List.of(
                "/api/courses/no-such-course",
                "/api/courses/no-such-course/agenda",
                COURSE + "/weeks/9",
                COURSE + "/homework/H17",
                "/api/no-such-endpoint")) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM)
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not Found"))
                    .body("detail", notNullValue())
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void malformedPathParametersAre400ProblemsNamingTheParameter() {
        Map<String, String> cases = Map.of(
                COURSE + "/weeks/three",
                "number",
                COURSE + "/weeks/0",
                "number",
                COURSE + "/weeks/99999999999",
                "number",
                COURSE + "/homework/PR1",
                "code",
                "/api/courses/Not_A_Slug",
                "slug");
        cases.forEach((path, field) ->
                given().get(path).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains(field)));
    }

    @Test
    void unsupportedAcceptIs406Problem() {
        given().accept("application/xml")
                .get(COURSE + "/agenda")
                .then()
                .statusCode(406)
                .contentType(PROBLEM)
                .body("status", equalTo(406));
        given().accept("text/markdown")
                .get(COURSE + "/weeks")
                .then()
                .statusCode(406)
                .contentType(PROBLEM);
    }

    @Test
    void errorsNeverLeakStackTracesOrClassNames() {
        String body = given().get(COURSE + "/weeks/x").then().extract().asString();
        assertThat(body)
                .doesNotContain("Exception")
                .doesNotContain("dev.syllabus")
                .doesNotContain("\tat ");
    }

    @Test
    void allowsTheWebClientsOriginByCors() {
        given().header("Origin", "http://localhost:5173")
                .get("/api/agenda")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://evil.example")
                .get("/api/agenda")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementInterfaceNotThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void reportsHealthAndMetrics() {
        management()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/started").then().statusCode(200).body("checks.name", hasItem("course-catalog"));
        given().get("/api/agenda").then().statusCode(200);
        management()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void tasksHaveStableIdsAndKnownKinds() {
        given().get(COURSE + "/homework")
                .then()
                .statusCode(200)
                .body("tasks.flatten().kind", everyItem(Matchers.oneOf("PR", "DOC", "OTHER")))
                .body("tasks.flatten().id", everyItem(Matchers.matchesPattern("H\\d+/(PR|DOC|OTHER)\\d*")));
    }

    @Test
    void theCourseCalendarIsServedAsICalendarWithItsTimeZone() throws Exception {
        String ics = given().get(COURSE + "/calendar.ics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(calendar.getComponents(Component.VEVENT)).hasSizeGreaterThan(16);
    }
}
