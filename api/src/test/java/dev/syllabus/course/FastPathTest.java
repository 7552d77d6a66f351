package dev.syllabus.course;

import static dev.syllabus.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.content.Course;
import dev.syllabus.http.Precomputed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pre-serialised fast path ({@code PrecomputedResponses} over {@link CourseCatalog}'s index) is a
 * second table of addresses beside {@link CourseResource}'s routes: these tests fail when the two drift.
 */
@QuarkusTest
class FastPathTest {

    @Inject
    CourseCatalog catalog;

    @Inject
    SyllabusConfig config;

    @Test
    void theFastPathAnswersExactlyTheAddressesOfTheCurriculumRoutesWithoutQueryParameters() {
        Set<String> routed = new TreeSet<>();
        for (String template : routesWithoutQueries()) {
            for (Course course : courses()) {
                if (!template.contains("{slug}") && !course.slug().equals(config.defaultCourse())) {
                    continue;
                }
                routed.addAll(addresses(template, course));
            }
        }
        assertThat(new TreeSet<>(addressesIn(false))).isEqualTo(routed);
        // Each address carries, for metrics, the very route of the resource that serves it.
        List<String> routes = routesWithoutQueries();
        catalog.current().addresses().forEach((address, precomputed) -> assertThat(precomputed.route())
                .as(address)
                .isIn(routes)
                .satisfies(route -> assertThat(address).matches(route.replaceAll("\\{[^}]+}", "[^/]+"))));
        assertThat(addressesIn(true))
                .allSatisfy(address -> assertThat(address).endsWith("agenda"))
                .isSubsetOf(routed);
    }

    @Test
    void everyFastAnswerIsTheAnswerTheResourceGives() {
        assertThat(addressesIn(false)).isNotEmpty();
        addressesIn(false).forEach(address -> sameAnswer(address, "application/json"));
        addressesIn(true).forEach(address -> sameAnswer(address, CourseCatalog.MARKDOWN));
    }

    @Test
    void metricsCountAFastAnswerUnderTheRouteTheResourceDeclaresNotUnderItsAddress() {
        String week = "/api/courses/" + config.defaultCourse() + "/weeks/";
        Map<String, Precomputed> addresses = catalog.current().addresses();
        long weeks = addresses.keySet().stream().filter(a -> a.startsWith(week)).count();
        double before = requestsCounted("/api/courses/{slug}/weeks/{number}");

        addresses.keySet().stream()
                .filter(a -> a.startsWith(week))
                .forEach(address -> given().get(address).then().statusCode(200));

        assertThat(weeks).isGreaterThan(1);
        assertThat(requestsCounted("/api/courses/{slug}/weeks/{number}")).isEqualTo(before + weeks);
        assertThat(management().get("/q/metrics").asString()).doesNotContain("uri=\"" + week);
    }

    /** The successful GETs Micrometer has counted under route {@code uri}. */
    private static double requestsCounted(String uri) {
        String prefix = "http_server_requests_seconds_count{";
        return management()
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith(prefix)
                        && line.contains("method=\"GET\"")
                        && line.contains("status=\"200\"")
                        && line.contains("uri=\"" + uri + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The addresses the fast path answers in JSON or, with {@code markdown}, in Markdown. */
    private List<String> addressesIn(boolean markdown) {
        return catalog.current().addresses().entrySet().stream()
                .filter(entry -> entry.getValue().in(markdown) != null)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The exact media type takes the fast path; the same type with a quality goes through the resource. */
    private static void sameAnswer(String address, String mediaType) {
        Response fast = given().accept(mediaType).get(address);
        Response routed = given().accept(mediaType + ";q=0.9").get(address);
        assertThat(fast.statusCode()).as(address).isEqualTo(200);
        assertThat(routed.statusCode()).as(address).isEqualTo(200);
        // The headers HttpEdge puts on every answer and the caching ones, both ways alike.
        for (String header : List.of("ETag", "Cache-Control", "Vary", "X-Content-Type-Options")) {
            assertThat(fast.header(header))
                    .as(address + " " + header)
                    .isNotNull()
                    .isEqualTo(routed.header(header));
        }
        assertThat(fast.contentType()).as(address).startsWith(mediaType);
        assertThat(fast.asByteArray()).as(address).isEqualTo(routed.asByteArray());
    }

    private List<Course> courses() {
        return catalog.current().courses().values().stream()
                .map(PublishedCourse::course)
                .toList();
    }

    /** Every GET route of the curriculum resource whose answer depends on its address alone. */
    private static List<String> routesWithoutQueries() {
        String base = CourseResource.class.getAnnotation(Path.class).value();
        List<String> templates = new ArrayList<>();
        for (Method method : CourseResource.class.getDeclaredMethods()) {
            boolean readsQuery =
                    Stream.of(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(QueryParam.class));
            if (method.isAnnotationPresent(GET.class) && !readsQuery) {
                templates.add(base + method.getAnnotation(Path.class).value());
            }
        }
        assertThat(templates).hasSizeGreaterThan(5);
        return templates;
    }

    private static List<String> addresses(String template, Course course) {
        String withSlug = template.replace("{slug}", course.slug());
        if (withSlug.contains("{number}")) {
            return course.weeks().stream()
                    .map(week -> withSlug.replace("{number}", Integer.toString(week.number())))
                    .toList();
        }
        if (withSlug.contains("{code}")) {
            return course.weeks().stream()
                    .flatMap(week -> week.homework().stream())
                    .map(homework -> withSlug.replace("{code}", homework.code()))
                    .toList();
        }
        assertThat(withSlug)
                .as("a route with a parameter these tests do not know")
                .doesNotContain("{");
        return List.of(withSlug);
    }
}
