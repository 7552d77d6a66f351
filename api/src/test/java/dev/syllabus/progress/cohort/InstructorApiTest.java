package dev.syllabus.progress.cohort;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.STUDENT_PASSWORD;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Reviews, the cohort, the roster and the history, through HTTP against the real database. */
@QuarkusTest
class InstructorApiTest {

    private static final String BASE = "/api/courses/" + COURSE;
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void tick(String token, String item) {
        as(token)
                .contentType(ContentType.JSON)
                .put(BASE + "/checklist/" + item + "/done")
                .then()
                .statusCode(200);
    }

    private static String status(String token, String code) {
        return as(token)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("homework.find { it.code == '" + code + "' }.status");
    }

    private static void review(String admin, String login, String code, String decision, String comment) {
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", comment))
                .post(BASE + "/students/" + login + "/homework/" + code + "/reviews")
                .then()
                .statusCode(201)
                .body("decision", equalTo(decision))
                .body("reviewer", equalTo(Api.ADMIN));
    }

    /**
     * The whole (filtered) cohort, every page of it: other tests add students to the same course, so
     * a first page may not hold this test's students, whatever order the tests run in.
     */
    private static JsonPath wholeCohort(String admin, Map<String, Object> filters) {
        List<Object> rows = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<Object> found = as(admin)
                    .queryParams(filters)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .get(BASE + "/runs/current/cohort")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            rows.addAll(found);
            if (found.size() < 100) {
                return JsonPath.from(JSON.valueToTree(rows).toString());
            }
        }
    }

    @Test
    void aDesignDocumentPassesOnlyOnTheInstructorsApproval() {
        String login = Api.uniqueLogin("designer");
        String student = Api.student(login);
        String admin = Api.admin();

        tick(student, "H1/DOC");
        assertThat(status(student, "H1")).isEqualTo("SUBMITTED");
        review(admin, login, "H1", "CHANGES_REQUESTED", "Add the cost estimate.");
        assertThat(status(student, "H1")).isEqualTo("CHANGES_REQUESTED");
        as(student)
                .get(BASE + "/checklist")
                .then()
                .body("homework.find { it.code == 'H1' }.review.comment", equalTo("Add the cost estimate."));

        as(student).delete(BASE + "/checklist/H1/DOC/done").then().statusCode(200);
        tick(student, "H1/DOC");
        assertThat(status(student, "H1")).isEqualTo("SUBMITTED");
        review(admin, login, "H1", "APPROVED", "Good to go.");
        assertThat(status(student, "H1")).isEqualTo("PASSED");
    }

    @Test
    void onlyInstructorsReviewAndABadDecisionIsNamed() {
        String login = Api.uniqueLogin("reviewed");
        String student = Api.student(login);
        as(student)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED"))
                .post(BASE + "/students/" + login + "/homework/H1/reviews")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(Api.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "MAYBE"))
                .post(BASE + "/students/" + login + "/homework/H1/reviews")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("decision"));
        as(Api.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED"))
                .post(BASE + "/students/" + login + "/homework/H99/reviews")
                .then()
                .statusCode(404);
    }

    @Test
    void theCohortShowsEveryStudentsHomeworkAndFilters() {
        String done = Api.uniqueLogin("cohort-done");
        String idle = Api.uniqueLogin("cohort-idle");
        String doneToken = Api.student(done);
        Api.student(idle);
        for (String item : List.of("H2/PR1", "H2/PR2", "H2/PR3", "H2/OTHER")) {
            tick(doneToken, item);
        }
        String admin = Api.admin();

        JsonPath all = wholeCohort(admin, Map.of());
        assertThat(all.getString("find { it.login == '" + done + "' }.homework.find { it.code == 'H2' }.status"))
                .isEqualTo("PASSED");
        assertThat(all.getString("find { it.login == '" + idle + "' }.homework.find { it.code == 'H2' }.status"))
                .isEqualTo("NOT_STARTED");
        // Every graded homework: H16 has nothing to pass, so the cohort leaves it out.
        assertThat(all.getList("find { it.login == '" + done + "' }.homework.code", String.class))
                .hasSize(15)
                .doesNotContain("H16");

        // The run's standing per homework: the student who passed H2 is counted there.
        JsonPath summary = as(admin)
                .get(BASE + "/cohort/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(summary.getList("code", String.class)).hasSize(15).doesNotContain("H16");
        assertThat(summary.getInt("find { it.code == 'H2' }.passed")).isPositive();
        assertThat(summary.getInt("find { it.code == 'H2' }.students")).isGreaterThanOrEqualTo(2);
        as(admin)
                .queryParam("week", 1)
                .get(BASE + "/cohort/summary")
                .then()
                .statusCode(200)
                .body("code", contains("H1", "H2"));
        as(admin)
                .queryParam("week", "zero")
                .get(BASE + "/cohort/summary")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("week"));

        assertThat(wholeCohort(admin, Map.of("status", "PASSED")).getList("login", String.class))
                .contains(done)
                .doesNotContain(idle);
        assertThat(wholeCohort(admin, Map.of("week", 1))
                        .getList("find { it.login == '" + done + "' }.homework.code", String.class))
                .containsExactly("H1", "H2");
        as(admin)
                .queryParam("size", 1)
                .get(BASE + "/cohort")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .header("Link", containsString("rel=\"next\""))
                .header("X-Total-Count", not(equalTo("1")));
        as(admin)
                .queryParam("week", 99)
                .get(BASE + "/cohort")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("week"));
        as(admin)
                .queryParam("status", "BOGUS")
                .get(BASE + "/cohort")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void theCohortDownloadsAsCsv() {
        String login = Api.uniqueLogin("csv");
        tick(Api.student(login), "H3/PR1");

        String csv = as(Api.admin())
                .accept("text/csv")
                .get(BASE + "/cohort")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "login,name,email,verified,completion_percent,ticks_github,ticks_student,ticks_instructor,repository,repository_owner,H1,H2,H3,H4,H5,H6,H7,H8,H9,H10,H11,H12,H13,H14,H15");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(login + ",")
                .contains(",0,1,0,,,NOT_STARTED,NOT_STARTED,IN_PROGRESS,"));
    }

    @Test
    void aRosterUploadCreatesAndEnrolsStudentsWhoThenJoin() {
        String ada = Api.uniqueLogin("ada");
        String grace = Api.uniqueLogin("grace");
        String admin = Api.admin();
        String csv = "login,name,email\n" + ada + ",Ada Lovelace,ada@example.org\n" + grace
                + ",\"=HYPERLINK(\"\"x\"\")\",\n";

        as(admin)
                .contentType("text/csv")
                .body(csv)
                .post(BASE + "/roster")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("enrolled", equalTo(2))
                .body("rows", equalTo(2));
        as(admin)
                .contentType("text/csv")
                .body(csv)
                .post(BASE + "/roster")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("enrolled", equalTo(0));

        String invites = as(admin)
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        String adaLine = invites.lines()
                .filter(line -> line.startsWith(ada + ","))
                .findFirst()
                .orElseThrow();
        String invite = adaLine.split(",")[2];
        assertThat(adaLine).contains("/signin?course=" + COURSE + "&login=" + ada + "&invite=" + invite);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("login", ada, "password", STUDENT_PASSWORD, "inviteCode", invite))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        as(token).get(BASE + "/checklist").then().statusCode(200).body("student", equalTo(ada));
        given().contentType(ContentType.JSON)
                .body(Map.of("login", ada, "password", "another password here", "inviteCode", invite))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(403);
        String download = as(admin)
                .accept("text/csv")
                .get(BASE + "/cohort")
                .then()
                .extract()
                .asString();
        assertThat(download).contains(ada + ",\"Ada Lovelace\",ada@example.org").contains(grace + ",\"'=HYPERLINK");
    }

    @Test
    void theInstructorSeesWhoHasNotJoinedAndIssuesOneStudentsInviteAgain() {
        String admin = Api.admin();
        String ada = Api.uniqueLogin("pending");
        String bob = Api.uniqueLogin("pending");
        as(admin)
                .contentType("text/csv")
                .body("login,name,email\n" + ada + ",Ada Lovelace,ada@example.org\n" + bob + ",Bob,\n")
                .post(BASE + "/roster")
                .then()
                .statusCode(200);

        as(admin)
                .get(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .body("find { it.login == '" + ada + "' }.name", equalTo("Ada Lovelace"))
                .body("find { it.login == '" + ada + "' }.invite", nullValue())
                .body("login", hasItems(ada, bob));

        // One student's invite, as JSON: only theirs is issued, and the earlier one stops working.
        String first = as(admin)
                .accept(ContentType.JSON)
                .queryParam("login", ada)
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("login", contains(ada))
                .body("[0].invited", equalTo(true))
                .body("[0].link", containsString("&login=" + ada + "&invite="))
                .extract()
                .path("[0].invite");
        String second = as(admin)
                .accept(ContentType.JSON)
                .queryParam("login", ada.toUpperCase(Locale.ROOT))
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].invite");
        assertThat(second).isNotEqualTo(first);
        as(admin)
                .get(BASE + "/roster/invites")
                .then()
                .body("find { it.login == '" + ada + "' }.invited", equalTo(true))
                .body("find { it.login == '" + bob + "' }.invited", equalTo(false));
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", ada, "password", STUDENT_PASSWORD, "inviteCode", first))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", ada, "password", STUDENT_PASSWORD, "inviteCode", second))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(201);

        // Joined: off the list, and no invite can be issued for them.
        as(admin).get(BASE + "/roster/invites").then().body("login", not(hasItem(ada)));
        as(admin)
                .queryParam("login", ada)
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(admin)
                .queryParam("login", "-not-a-login")
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("login"));
    }

    @Test
    void aRosterNamingASelfJoinedLoginReportsTheConflictAndTheInstructorKeepsOrResetsIt() {
        String admin = Api.admin();
        String grace = Api.uniqueLogin("grace");
        String squatter = Api.student(grace);
        tick(squatter, "H6/PR1");
        String kept = Api.uniqueLogin("kept");
        Api.student(kept);
        String roster = "login,name,email\n" + grace + ",Grace Hopper,\n" + kept + ",Kept,\n";

        as(admin)
                .contentType("text/csv")
                .body(roster)
                .post(BASE + "/roster")
                .then()
                .statusCode(200)
                .body("enrolled", equalTo(0))
                .body("conflicts.line", equalTo(List.of(2, 3)))
                .body("conflicts.login", equalTo(List.of(grace, kept)))
                .body("conflicts[0].reason", containsString("joined under this login"));
        assertThat(invitesCsv(admin)).doesNotContain(grace + ",");

        resolve(admin, kept, "KEEP").then().statusCode(200).body("choice", equalTo("KEEP"));
        resolve(admin, grace, "RESET").then().statusCode(200).body("choice", equalTo("RESET"));

        as(squatter).get("/api/auth/me").then().statusCode(401);
        as(admin)
                .get(BASE + "/students/" + grace + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H6/PR1' }.done", equalTo(false));
        assertThat(invitesCsv(admin)).contains(grace + ",");
        as(admin)
                .contentType("text/csv")
                .body(roster)
                .post(BASE + "/roster")
                .then()
                .statusCode(200)
                .body("conflicts", Matchers.empty());
        resolve(admin, kept, "RESET").then().statusCode(409).contentType(PROBLEM);
        resolve(admin, kept, "SOMETHING").then().statusCode(400).contentType(PROBLEM);
    }

    /** The instructor's choice for a roster conflict. */
    private static Response resolve(String admin, String login, String choice) {
        return as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("choice", choice))
                .post(BASE + "/roster/conflicts/" + login);
    }

    private static String invitesCsv(String admin) {
        return as(admin)
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void theCourseJoinCodeNeverTakesARosteredAccountOnlyItsPersonalInviteDoes() {
        String ada = Api.uniqueLogin("rostered");
        String admin = Api.admin();
        as(admin)
                .contentType("text/csv")
                .body("login,name,email\n" + ada + ",Ada,\n")
                .post(BASE + "/roster")
                .then()
                .statusCode(200);

        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", ada, "password", "a classmate's password", "joinCode", Api.joinCode()))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        String other = as(admin)
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> !line.startsWith(ada + ",") && !line.startsWith("login,"))
                .findFirst()
                .orElse(null);
        if (other != null) {
            given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", Api.address())
                    .body(Map.of("login", ada, "password", "a classmate's password", "inviteCode", other.split(",")[2]))
                    .post(BASE + "/enrollments")
                    .then()
                    .statusCode(403);
        }
        String invite = as(admin)
                .post(BASE + "/roster/invites")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(ada + ","))
                .findFirst()
                .orElseThrow()
                .split(",")[2];
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Api.address())
                .body(Map.of("login", ada, "password", "ada's own password", "inviteCode", invite))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(201);
    }

    @Test
    void joinCodesAreLongAndIntegrationTokensCannotReadThem() {
        String admin = Api.admin();
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("code", "X"))
                .put(BASE + "/join-code")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put(BASE + "/join-code")
                .then()
                .statusCode(200)
                .body("code", Matchers.matchesPattern("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}"));
        String integration = as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "reader"))
                .post("/api/auth/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        as(integration).get(BASE + "/join-code").then().statusCode(403);
        Api.joinCode();
    }

    @Test
    void wrongJoinCodesFromOneAddressAreThrottled() {
        String address = Api.address();
        for (int i = 0; i < 20; i++) {
            given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", address)
                    .body(Map.of(
                            "login",
                            Api.uniqueLogin("guess"),
                            "password",
                            STUDENT_PASSWORD,
                            "joinCode",
                            "WRONG-CODE-" + i))
                    .post(BASE + "/enrollments")
                    .then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of(
                        "login", Api.uniqueLogin("guess"), "password", STUDENT_PASSWORD, "joinCode", Api.joinCode()))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(429)
                .header("Retry-After", Matchers.notNullValue());
    }

    @Test
    void aWholeClassJoiningAtOnceFromOneAddressIsNeverThrottled() throws Exception {
        String address = Api.address();
        String code = Api.joinCode();
        ExecutorService classroom = Executors.newFixedThreadPool(30);
        try {
            List<Future<Integer>> joins = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                joins.add(classroom.submit(() -> given().contentType(ContentType.JSON)
                        .header("X-Forwarded-For", address)
                        .body(Map.of("login", Api.uniqueLogin("class"), "password", STUDENT_PASSWORD, "joinCode", code))
                        .post(BASE + "/enrollments")
                        .statusCode()));
            }
            for (var join : joins) {
                assertThat(join.get())
                        .as("only failed attempts count against an address")
                        .isEqualTo(201);
            }
        } finally {
            classroom.shutdown();
        }
    }

    @Test
    void aRosterWithBadRowsIsRefusedWholeListingEveryProblem() {
        String fine = Api.uniqueLogin("fine");
        String csv = "login,name,email\n" + fine + ",Fine,fine@example.org\n-bad-login-,Bad,\n" + fine
                + ",Again,\nok-login,Ok,not-an-email\n";

        as(Api.admin())
                .contentType("text/csv")
                .body(csv)
                .post(BASE + "/roster")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("line 3: login", "line 4: login", "line 5: email")));
        as(Api.admin()).get(BASE + "/students/" + fine + "/checklist").then().statusCode(404);
        as(Api.admin())
                .contentType("text/csv")
                .body("")
                .post(BASE + "/roster")
                .then()
                .statusCode(422);
    }

    @Test
    void theHistorySaysWhoChangedWhatWhen() {
        String login = Api.uniqueLogin("history");
        String token = Api.student(login);
        tick(token, "H6/PR1");
        as(token).delete(BASE + "/checklist/H6/PR1/done").then().statusCode(200);

        as(Api.admin())
                .queryParam("student", login)
                .get(BASE + "/history")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("action", equalTo(List.of("UNDONE", "DONE")))
                .body("item", equalTo(List.of("H6/PR1", "H6/PR1")))
                .body("actor", equalTo(List.of(login, login)));
        as(token).get(BASE + "/history").then().statusCode(403);
    }

    @Test
    void everyTickSaysWhoVouchesForItAndTheCohortFiltersBySource() {
        String selfReported = Api.uniqueLogin("src-self");
        String byInstructor = Api.uniqueLogin("src-staff");
        tick(Api.student(selfReported), "H3/PR1");
        String instructorsStudent = Api.student(byInstructor);
        String admin = Api.admin();

        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("evidence", "https://example.org/design.pdf"))
                .put(BASE + "/students/" + byInstructor + "/checklist/H1/DOC/done")
                .then()
                .statusCode(200)
                .body("done", equalTo(true))
                .body("source", equalTo("INSTRUCTOR"));
        as(instructorsStudent)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .body("items.find { it.id == 'H1/DOC' }.source", equalTo("INSTRUCTOR"));
        as(instructorsStudent)
                .contentType(ContentType.JSON)
                .put(BASE + "/students/" + selfReported + "/checklist/H1/DOC/done")
                .then()
                .statusCode(403);

        JsonPath instructorTicks = wholeCohort(admin, Map.of("source", "instructor"));
        assertThat(instructorTicks.getList("login", String.class))
                .contains(byInstructor)
                .doesNotContain(selfReported);
        assertThat(instructorTicks.getInt("find { it.login == '" + byInstructor + "' }.ticks.instructor"))
                .isEqualTo(1);
        JsonPath studentTicks = wholeCohort(admin, Map.of("source", "STUDENT"));
        assertThat(studentTicks.getList("login", String.class))
                .contains(selfReported)
                .doesNotContain(byInstructor);
        as(admin)
                .queryParam("source", "ROBOT")
                .get(BASE + "/cohort")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("source"));

        as(admin)
                .delete(BASE + "/students/" + byInstructor + "/checklist/H1/DOC/done")
                .then()
                .statusCode(200)
                .body("done", equalTo(false));
        as(admin)
                .put(BASE + "/students/nobody-here/checklist/H1/DOC/done")
                .then()
                .statusCode(404);
    }

    @Test
    void anInstructorTicksAndUnticksForAStudentWithANoteTheHistoryKeeps() {
        String login = Api.uniqueLogin("noted");
        Api.student(login);
        String admin = Api.admin();
        String item = BASE + "/students/" + login + "/checklist/H2/OTHER/done";

        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Shown in class on Thursday"))
                .put(item)
                .then()
                .statusCode(200)
                .body("source", equalTo("INSTRUCTOR"));
        // Unchanged, but the note is kept; then taken back, with its reason.
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Checked the cluster too"))
                .put(item);
        as(admin)
                .queryParam("note", "Ticked the wrong student")
                .delete(item)
                .then()
                .statusCode(200);

        as(admin)
                .queryParam("student", login)
                .get(BASE + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("UNDONE", "NOTE", "DONE"))
                .body(
                        "note",
                        contains("Ticked the wrong student", "Checked the cluster too", "Shown in class on Thursday"))
                .body("actor", everyItem(equalTo("admin")));

        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "x".repeat(501)))
                .put(item)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("note"));
        as(admin)
                .queryParam("note", "x".repeat(501))
                .delete(item)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("note"));
    }
}
