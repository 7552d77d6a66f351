package dev.syllabus.progress.schedule;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.syllabus.account.Tokens;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import dev.syllabus.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Course runs, due dates, late work, calendars and gradebooks, through HTTP against the real database. */
@QuarkusTest
class DatesApiTest {

    private static final String BASE = "/api/courses/" + COURSE;
    private static final String PROBLEM = "application/problem+json";
    /** A run that ended long ago, so every deadline in it has passed; it never becomes the current run. */
    private static final LocalDate PAST_START = LocalDate.of(2025, 1, 6);

    private static String pastRun(String admin) {
        String name = "past-" + UUID.randomUUID().toString().substring(0, 8);
        String code = "PAST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title", "Winter 2025", "start", PAST_START.toString(), "timeZone", "UTC", "joinCode", code))
                .put(BASE + "/runs/" + name)
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("current", equalTo(false))
                .body("joinCode", equalTo(code))
                .body("end", equalTo(PAST_START.plusWeeks(8).minusDays(1).toString()));
        return name;
    }

    private static String joinRun(String admin, String run, String login) {
        String code = as(admin)
                .get(BASE + "/runs/" + run)
                .then()
                .statusCode(200)
                .extract()
                .path("joinCode");
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of(
                        "login",
                        login,
                        "name",
                        "Student " + login,
                        "email",
                        login + "@example.org",
                        "password",
                        Api.STUDENT_PASSWORD,
                        "joinCode",
                        code))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** A student of the past run {@code run} who has just done all of H2, long after it was due; their token. */
    private static String passedH2Late(String admin, String run, String login) {
        String student = joinRun(admin, run, login);
        tick(student, "H2/PR1", "H2/PR2", "H2/PR3", "H2/OTHER");
        return student;
    }

    private static void tick(String token, String... items) {
        for (String item : items) {
            as(token)
                    .contentType(ContentType.JSON)
                    .put(BASE + "/checklist/" + item + "/done")
                    .then()
                    .statusCode(200);
        }
    }

    private static Map<String, Object> homework(String token, String code) {
        return as(token)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("homework.find { it.code == '" + code + "' }");
    }

    private static List<Map<String, String>> csv(String text) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(text)) {
            return rows.readAll();
        }
    }

    private static Calendar ics(Response response) throws Exception {
        response.then().statusCode(200).contentType(startsWith("text/calendar"));
        String text = response.asString();
        for (String line : text.split("\r\n")) {
            assertThat(line).as("no bare line feeds").doesNotContain("\n");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("lines are folded at 75 octets")
                    .isLessThanOrEqualTo(75);
        }
        assertThat(text).endsWith("\r\n");
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String property(Component component, String name) {
        return component.getProperty(name).map(p -> p.getValue()).orElse(null);
    }

    @Test
    void theAgendaDatesEveryWeekAndHomeworkFromTheCurrentRun() {
        JsonPath agenda = given().accept(ContentType.JSON)
                .get(BASE + "/agenda")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        LocalDate start = LocalDate.parse(agenda.getString("run.start"));
        ZoneId zone = ZoneId.of(agenda.getString("run.timeZone"));
        String current = as(Api.admin())
                .get(BASE + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.current }.name");
        assertThat(agenda.getString("run.name")).isEqualTo(current);
        assertThat(agenda.getString("schedule.due")).isEqualTo("+13 days");
        for (int week = 1; week <= 8; week++) {
            assertThat(agenda.getString("weeks[" + (week - 1) + "].start"))
                    .isEqualTo(start.plusWeeks(week - 1L).toString());
            assertThat(agenda.getString("weeks[" + (week - 1) + "].end"))
                    .isEqualTo(start.plusWeeks(week - 1L).plusDays(6).toString());
        }
        // H1 has its own 'Due: +6 days'; H2 follows the course's default (+13 days); H15 is due on week 8's Sunday.
        assertDue(agenda.getString("weeks[0].homework[0].due"), start.plusDays(6), zone);
        assertThat(agenda.getString("weeks[0].homework[0].dueRule")).isEqualTo("+6 days");
        assertDue(agenda.getString("weeks[0].homework[1].due"), start.plusDays(13), zone);
        assertThat(agenda.getString("weeks[0].homework[1].dueRule")).isNull();
        LocalDate week8Sunday = start.plusWeeks(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        assertDue(agenda.getString("weeks[7].homework[0].due"), week8Sunday, zone);

        given().get(BASE + "/weeks/2")
                .then()
                .statusCode(200)
                .body("start", equalTo(start.plusWeeks(1).toString()));
        given().get(BASE + "/homework/H3")
                .then()
                .statusCode(200)
                .body("due", equalTo(agenda.getString("weeks[1].homework[0].due")));
    }

    private static void assertDue(String due, LocalDate day, ZoneId zone) {
        OffsetDateTime parsed = OffsetDateTime.parse(due);
        assertThat(parsed.toLocalDateTime()).isEqualTo(LocalDateTime.of(day, LocalTime.of(23, 59)));
        assertThat(parsed.getOffset()).isEqualTo(zone.getRules().getOffset(parsed.toLocalDateTime()));
    }

    @Test
    void movingTheCurrentRunMovesEveryDateAndTheEntityTag() {
        String admin = Api.admin();
        JsonPath current =
                as(admin).get(BASE + "/runs").then().statusCode(200).extract().jsonPath();
        String name = current.getString("find { it.current }.name");
        Map<String, Object> original = current.getMap("find { it.current }");
        Response before = given().accept(ContentType.JSON).get(BASE + "/agenda");
        LocalDate start = LocalDate.parse(before.jsonPath().getString("run.start"));
        String etag = before.header("ETag");
        LocalDate earlier = start.minusWeeks(1);
        try {
            as(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "title",
                            original.get("title"),
                            "start",
                            earlier.toString(),
                            "timeZone",
                            "America/New_York"))
                    .put(BASE + "/runs/current")
                    .then()
                    .statusCode(200)
                    .body("name", equalTo(name))
                    .body("start", equalTo(earlier.toString()))
                    .body("current", equalTo(true))
                    .body("joinCode", equalTo(original.get("joinCode")));
            Response after = given().accept(ContentType.JSON)
                    .header("If-None-Match", etag)
                    .get(BASE + "/agenda");
            after.then()
                    .statusCode(200)
                    .body("weeks[0].start", equalTo(earlier.toString()))
                    .body("run.timeZone", equalTo("America/New_York"));
            assertThat(after.header("ETag")).isNotEqualTo(etag);
            assertDue(
                    after.jsonPath().getString("weeks[0].homework[1].due"),
                    earlier.plusDays(13),
                    ZoneId.of("America/New_York"));
        } finally {
            as(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "title",
                            original.get("title"),
                            "start",
                            start.toString(),
                            "timeZone",
                            original.get("timeZone")))
                    .put(BASE + "/runs/" + name)
                    .then()
                    .statusCode(200);
        }
        given().accept(ContentType.JSON).get(BASE + "/agenda").then().header("ETag", etag);
    }

    @Test
    void aJoinCodeSaysWhichRunAStudentTakesAndEachRunHasItsOwnCohort() {
        String admin = Api.admin();
        String run = pastRun(admin);
        as(admin).get(BASE + "/runs").then().statusCode(200).body("name", hasItem(run));
        String login = Api.uniqueLogin("winter");
        String student = joinRun(admin, run, login);

        as(student)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("run.name", equalTo(run))
                .body("homework.find { it.code == 'H2' }.due", equalTo(PAST_START.plusDays(13) + "T23:59:00Z"));
        as(admin)
                .get(BASE + "/runs/" + run + "/cohort?size=100")
                .then()
                .statusCode(200)
                .body("login", hasItem(login));
        as(admin)
                .get(BASE + "/runs/current/cohort?size=100")
                .then()
                .statusCode(200)
                .body("login", not(hasItem(login)));
        as(admin).get(BASE + "/runs/current").then().statusCode(200).body("current", equalTo(true));
        // The address from before runs had names answers the same, until the next major version.
        assertThat(as(admin).get(BASE + "/cohort?size=100").asString())
                .isEqualTo(as(admin).get(BASE + "/runs/current/cohort?size=100").asString());
        // Saving the same run again changes it in place.
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Winter 2025, moved", "start", PAST_START.toString(), "timeZone", "UTC"))
                .put(BASE + "/runs/" + run)
                .then()
                .statusCode(200)
                .body("title", equalTo("Winter 2025, moved"));
    }

    @Test
    void workPassedAfterItsDueDateIsLateNeverRefusedUntilAnExtensionCoversIt() throws Exception {
        String admin = Api.admin();
        String run = pastRun(admin);
        String login = Api.uniqueLogin("late");
        String student = passedH2Late(admin, run, login);

        Map<String, Object> h2 = homework(student, "H2");
        assertThat(h2)
                .containsEntry("status", "PASSED")
                .containsEntry("late", true)
                .containsEntry("extended", false);
        assertThat(h2.get("passedAt")).isNotNull();
        as(student)
                .get(BASE + "/checklist")
                .then()
                .body("items.find { it.id == 'H2/PR1' }.completedAt", Matchers.notNullValue());

        as(admin)
                .get(BASE + "/runs/" + run + "/cohort?late=true&size=100")
                .then()
                .statusCode(200)
                .body("login", hasItem(login))
                .body("find { it.login == '" + login + "' }.homework.find { it.code == 'H2' }.late", equalTo(true));
        as(admin)
                .get(BASE + "/runs/" + run + "/cohort?late=false&size=100")
                .then()
                .statusCode(200)
                .body("login", not(hasItem(login)));
        String cohortCsv = as(admin)
                .accept("text/csv")
                .get(BASE + "/runs/" + run + "/cohort")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv(cohortCsv))
                .filteredOn(row -> row.get("login").equals(login))
                .singleElement()
                .satisfies(row ->
                        assertThat(row).containsEntry("H2", "PASSED_LATE").containsEntry("H3", "NOT_STARTED"));
        as(admin)
                .get(BASE + "/history?student=" + login)
                .then()
                .statusCode(200)
                .body("late", Matchers.everyItem(equalTo(true)));

        String later = "2200-01-01T12:00:00+02:00";
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("due", later))
                .put(BASE + "/students/" + login + "/homework/h2/extension")
                .then()
                .statusCode(200)
                .body("late", equalTo(false))
                .body("extended", equalTo(true))
                .body("status", equalTo("PASSED"));
        assertThat(OffsetDateTime.parse((String) homework(student, "H2").get("due"))
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse(later).toInstant());
        as(admin)
                .get(BASE + "/runs/" + run + "/cohort?late=true&size=100")
                .then()
                .body("login", not(hasItem(login)));
        as(admin)
                .delete(BASE + "/students/" + login + "/homework/H2/extension")
                .then()
                .statusCode(200)
                .body("late", equalTo(true))
                .body("extended", equalTo(false));
    }

    @Test
    void badRunsAndExtensionsAreNamedProblems() {
        String admin = Api.admin();
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "X", "start", "2026-09-07", "timeZone", "Mars/Olympus"))
                .put(BASE + "/runs/bad-zone")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("timeZone"));
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "X", "timeZone", "UTC"))
                .put(BASE + "/runs/no-start")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("start"));
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "X", "start", "2026-02-30", "timeZone", "UTC"))
                .put(BASE + "/runs/bad-date")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "X", "start", "2026-09-07", "timeZone", "UTC"))
                .put(BASE + "/runs/Bad_Name")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        as(admin).get(BASE + "/runs/no-such-run").then().statusCode(404).contentType(PROBLEM);
        as(admin).get(BASE + "/runs/no-such-run/cohort").then().statusCode(404).contentType(PROBLEM);
        String login = Api.uniqueLogin("extended");
        String student = Api.student(login);
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("due", "2026-12-01T23:59:00Z"))
                .put(BASE + "/students/" + login + "/homework/H99/extension")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put(BASE + "/students/" + login + "/homework/H2/extension")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("due"));
        as(student)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "X", "start", "2026-09-07", "timeZone", "UTC"))
                .put(BASE + "/runs/mine")
                .then()
                .statusCode(403);
        as(student)
                .contentType(ContentType.JSON)
                .body(Map.of("due", "2200-01-01T00:00:00Z"))
                .put(BASE + "/students/" + login + "/homework/H2/extension")
                .then()
                .statusCode(403);
    }

    @Test
    void theCoursesCalendarIsValidICalendarWithStableUids() throws Exception {
        Calendar calendar = ics(given().get(BASE + "/runs/current/calendar.ics"));
        JsonPath agenda = given().accept(ContentType.JSON).get(BASE + "/agenda").jsonPath();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
        String zone = agenda.getString("run.timeZone");
        assertThat(property(calendar.getComponents(Component.VTIMEZONE).get(0), "TZID"))
                .isEqualTo(zone);
        long weeks = events.stream()
                .filter(e -> property(e, "SUMMARY").startsWith("Week "))
                .count();
        long deadlines = events.stream()
                .filter(e -> property(e, "SUMMARY").matches("H\\d+ due: .*"))
                .count();
        long webinars = events.stream()
                .filter(e -> property(e, "SUMMARY").startsWith("Webinar"))
                .count();
        assertThat(weeks).isEqualTo(8);
        assertThat(deadlines).isEqualTo(16);
        assertThat(webinars)
                .isEqualTo(
                        agenda.getList("weeks.findAll { it.webinar != null }").size())
                .isPositive();
        Set<String> uids = new HashSet<>();
        for (VEvent event : events) {
            assertThat(property(event, "DTSTAMP")).isNotNull();
            assertThat(uids.add(property(event, "UID"))).as("UIDs are unique").isTrue();
        }
        VEvent h2 = events.stream()
                .filter(e -> property(e, "SUMMARY").startsWith("H2 due"))
                .findFirst()
                .orElseThrow();
        OffsetDateTime due = OffsetDateTime.parse(agenda.getString("weeks[0].homework[1].due"));
        assertThat(h2.getProperty("DTSTART").orElseThrow().getParameter("TZID").map(p -> p.getValue()))
                .contains(zone);
        assertThat(property(h2, "DTSTART"))
                .isEqualTo(due.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));

        // Again, at the address from before runs had names: the same events.
        Calendar again = ics(given().get(BASE + "/calendar.ics"));
        Set<String> sameUids = new HashSet<>();
        again.getComponents(Component.VEVENT).forEach(e -> sameUids.add(property(e, "UID")));
        assertThat(sameUids).isEqualTo(uids);
    }

    @Test
    void aStudentsPrivateFeedShowsTheirDeadlinesAndItsAddressCanBeReplaced() throws Exception {
        String admin = Api.admin();
        String run = pastRun(admin);
        String login = Api.uniqueLogin("feed");
        String student = passedH2Late(admin, run, login);
        as(student)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("calendarUrl", equalTo(null))
                .body("calendarFeed", equalTo(false));
        String url = as(student)
                .post(BASE + "/checklist/calendar-url")
                .then()
                .statusCode(200)
                .extract()
                .path("calendarUrl");
        as(student)
                .get(BASE + "/checklist")
                .then()
                .body("calendarUrl", equalTo(null))
                .body("calendarFeed", equalTo(true));
        String secret = url.replaceFirst("^.*/api/calendars/", "").replace(".ics", "");
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnrollmentEntity.count("calendarToken = ?1", secret)))
                .as("the address's secret is not stored as it is")
                .isZero();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> EnrollmentEntity.count("calendarToken = ?1", Tokens.digest(secret))))
                .as("only its digest is")
                .isEqualTo(1);
        assertThat(url).matches("https?://[^/]+/api/calendars/[0-9a-f]{40}\\.ics");
        String path = url.replaceFirst("^https?://[^/]+", "");

        Calendar feed = ics(given().get(path));
        List<VEvent> events = feed.getComponents(Component.VEVENT);
        assertThat(events)
                .anySatisfy(e -> assertThat(property(e, "SUMMARY")).isEqualTo("H2 due: Infrastructure [PASSED LATE]"));
        assertThat(events).anySatisfy(e -> assertThat(property(e, "SUMMARY"))
                .startsWith("H3 due: ")
                .endsWith("[NOT STARTED]"));
        assertThat(events).allSatisfy(e -> assertThat(property(e, "UID")).isNotBlank());
        as(admin)
                .get(BASE + "/students/" + login + "/checklist")
                .then()
                .statusCode(200)
                .body("calendarUrl", equalTo(null));

        String renewed = as(student)
                .post(BASE + "/checklist/calendar-url")
                .then()
                .statusCode(200)
                .extract()
                .path("calendarUrl");
        assertThat(renewed).isNotEqualTo(url);
        given().get(path).then().statusCode(404).contentType(PROBLEM);
        ics(given().get(renewed.replaceFirst("^https?://[^/]+", "")));
        given().get("/api/calendars/not-a-token.ics").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void gradebooksComeInTheLayoutsCanvasAndMoodleImport() throws Exception {
        String admin = Api.admin();
        String run = pastRun(admin);
        String login = Api.uniqueLogin("graded");
        String student = passedH2Late(admin, run, login);

        Response canvas = as(admin).get(BASE + "/runs/" + run + "/gradebook?format=canvas");
        canvas.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", Matchers.containsString("canvas"));
        List<Map<String, String>> rows = csv(canvas.asString());
        assertThat(rows.get(0))
                .containsEntry("Student", "    Points Possible")
                .containsEntry("H2: Infrastructure", "100")
                // H16 ("Keep iterating") has nothing to pass: it is ungraded, never a 0 once due.
                .doesNotContainKey("H16: Keep iterating");
        assertThat(rows)
                .filteredOn(r -> login.equals(r.get("SIS User ID")))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("Student", "Student " + login)
                        .containsEntry("SIS Login ID", login + "@example.org")
                        .containsEntry("Section", run)
                        .containsEntry("H2: Infrastructure", "90")
                        .containsEntry("H1: Initial design draft", "0")
                        .containsEntry("Notes", "Passed late: H2"));

        List<Map<String, String>> moodle = csv(as(admin)
                .get(BASE + "/runs/" + run + "/gradebook?format=moodle")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(moodle)
                .filteredOn(r -> login.equals(r.get("Username")))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("Email address", login + "@example.org")
                        .containsEntry("H2: Infrastructure", "90")
                        .containsEntry("H2 feedback", "Passed late (-10)")
                        .containsEntry("H3: Data storage and processing", "0")
                        .doesNotContainKey("H16: Keep iterating"));

        // In the current run, homework that is not yet due is left blank.
        String fresh = Api.uniqueLogin("ungraded");
        Api.student(fresh);
        JsonPath agenda = given().accept(ContentType.JSON).get(BASE + "/agenda").jsonPath();
        Map<String, String> row = csv(as(admin)
                        .get(BASE + "/runs/current/gradebook?format=canvas")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .stream()
                .filter(r -> fresh.equals(r.get("SIS User ID")))
                .findFirst()
                .orElseThrow();
        assertThat(agenda.getString("weeks[7].homework[0].code")).isEqualTo("H15");
        OffsetDateTime h15Due = OffsetDateTime.parse(agenda.getString("weeks[7].homework[0].due"));
        assertThat(row.get("H15: " + agenda.getString("weeks[7].homework[0].title")))
                .isEqualTo(h15Due.isAfter(OffsetDateTime.now()) ? "" : "0");
        assertThat(agenda.getBoolean("weeks[7].homework[1].graded")).isFalse();
        assertThat(agenda.getBoolean("weeks[7].homework[0].graded")).isTrue();
        assertThat(row).doesNotContainKey("H16: Keep iterating");

        as(admin)
                .get(BASE + "/gradebook")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("format"));
        as(admin)
                .get(BASE + "/gradebook?format=xls")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("format"));
        as(student).get(BASE + "/gradebook?format=canvas").then().statusCode(403);
    }
}
