package dev.syllabus.progress.checklist;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.STUDENT_PASSWORD;
import static dev.syllabus.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Joining a course and ticking off the checklist, through HTTP against the real database. */
@QuarkusTest
class ChecklistApiTest {

    private static final String BASE = "/api/courses/" + COURSE;
    private static final String PROBLEM = "application/problem+json";
    private static final String PR_URL = "https://github.com/octocat/ml-in-production/pull/7";

    private static JsonPath checklist(String token) {
        return as(token)
                .get(BASE + "/checklist")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response tick(String token, String item, String evidence) {
        var request = as(token).contentType(ContentType.JSON);
        if (evidence != null) {
            request = request.body(Map.of("evidence", evidence));
        }
        return request.put(BASE + "/checklist/" + item + "/done");
    }

    @Test
    void aStudentJoinsWithTheCodeAndSeesEveryItemOfTheCourse() {
        String token = Api.student(Api.uniqueLogin("joiner"));

        JsonPath list = checklist(token);
        assertThat(list.getList("items.id"))
                .contains(
                        "setup/setup-github-repo",
                        "setup/add-me-as-admin-to-it",
                        "H1/DOC",
                        "H2/PR1",
                        "H2/OTHER",
                        "H3/PR5",
                        "H15/DOC");
        assertThat(list.getList("homework.code")).hasSize(16);
        assertThat(list.getList("homework.status")).containsOnly("NOT_STARTED");
        assertThat(list.getInt("completion.done")).isZero();
        assertThat(list.getList("weeks.number")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(list.getBoolean("items.find { it.id == 'H3/PR5' }.optional")).isTrue();
    }

    @Test
    void aWrongJoinCodeIsRefusedAndCreatesNoAccount() {
        Api.joinCode();
        String login = Api.uniqueLogin("intruder");
        given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", STUDENT_PASSWORD, "joinCode", "WRONG"))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("errors.field", contains("joinCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", STUDENT_PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(401);
    }

    @Test
    void joiningTwiceWithTheSameLoginIsAConflict() {
        String login = Api.uniqueLogin("twice");
        Api.student(login);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", STUDENT_PASSWORD, "joinCode", Api.joinCode()))
                .post(BASE + "/enrollments")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void tickingIsIdempotentAndSurvivesAReload() {
        String token = Api.student(Api.uniqueLogin("ticker"));

        tick(token, "H3/PR2", PR_URL)
                .then()
                .statusCode(200)
                .header("ETag", "\"v1\"")
                .body("done", equalTo(true));
        tick(token, "H3/PR2", null).then().statusCode(200).header("ETag", "\"v1\"");
        JsonPath list = checklist(token);
        assertThat(list.getBoolean("items.find { it.id == 'H3/PR2' }.done")).isTrue();
        assertThat(list.getString("items.find { it.id == 'H3/PR2' }.evidence")).isEqualTo(PR_URL);
        assertThat(list.getInt("completion.done")).isEqualTo(1);

        as(token)
                .delete(BASE + "/checklist/H3/PR2/done")
                .then()
                .statusCode(200)
                .header("ETag", "\"v2\"")
                .body("done", equalTo(false));
        as(token).delete(BASE + "/checklist/H3/PR2/done").then().statusCode(200).header("ETag", "\"v2\"");
        assertThat(checklist(token).getBoolean("items.find { it.id == 'H3/PR2' }.done"))
                .isFalse();
    }

    @Test
    void evidenceIsCheckedForTheKindOfItemAndARefusalStoresNothing() {
        String token = Api.student(Api.uniqueLogin("evidence"));

        tick(token, "H3/PR1", "https://gitlab.com/octocat/repo/-/merge_requests/1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("evidence"));
        tick(token, "H3/PR1", "javascript:alert(1)").then().statusCode(400);
        tick(token, "H3/DOC", "http://docs.example.org/design").then().statusCode(400);
        tick(token, "setup/setup-github-repo", PR_URL).then().statusCode(400);
        JsonPath list = checklist(token);
        assertThat(list.getBoolean("items.find { it.id == 'H3/PR1' }.done")).isFalse();
        assertThat(list.getString("items.find { it.id == 'H3/PR1' }.evidence")).isNull();

        tick(token, "setup/setup-github-repo", "https://github.com/octocat/ml-in-production")
                .then()
                .statusCode(200);
        tick(token, "H3/DOC", "https://docs.google.com/document/d/abc/edit")
                .then()
                .statusCode(200);
        tick(token, "H3/PR1", "<b>https://github.com/x/y/pull/1</b>").then().statusCode(400);
    }

    @Test
    void ifMatchCatchesAConflictingEditOfTheSameItem() {
        String token = Api.student(Api.uniqueLogin("devices"));
        String first =
                tick(token, "H2/PR1", null).then().statusCode(200).extract().header("ETag");

        as(token)
                .header("If-Match", first)
                .delete(BASE + "/checklist/H2/PR1/done")
                .then()
                .statusCode(200)
                .header("ETag", "\"v2\"");
        as(token)
                .header("If-Match", first)
                .contentType(ContentType.JSON)
                .put(BASE + "/checklist/H2/PR1/done")
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        assertThat(checklist(token).getBoolean("items.find { it.id == 'H2/PR1' }.done"))
                .isFalse();
    }

    @Test
    void ifMatchTakesAListComparesStronglyAndRefusesWhatIsNotOne() {
        String token = Api.student(Api.uniqueLogin("lists"));
        String current =
                tick(token, "H2/PR2", null).then().statusCode(200).extract().header("ETag");

        // A weak tag never matches, even the current version's; a list matches when one of its tags does.
        ifMatch(token, "W/" + current)
                .delete(BASE + "/checklist/H2/PR2/done")
                .then()
                .statusCode(412);
        ifMatch(token, "\"v0\", " + current)
                .delete(BASE + "/checklist/H2/PR2/done")
                .then()
                .statusCode(200)
                .header("ETag", "\"v2\"");
        // An unquoted version is not an entity tag: a 400 naming the header, and nothing changes.
        ifMatch(token, "v2")
                .contentType(ContentType.JSON)
                .put(BASE + "/checklist/H2/PR2/done")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("If-Match"));
        assertThat(checklist(token).getBoolean("items.find { it.id == 'H2/PR2' }.done"))
                .isFalse();
    }

    private static RequestSpecification ifMatch(String token, String header) {
        return as(token).header("If-Match", header);
    }

    @Test
    void twoDevicesTickingDifferentItemsAtOnceBothWin() {
        String token = Api.student(Api.uniqueLogin("parallel"));
        List<String> items = List.of("H5/PR1", "H5/PR2", "H5/PR3", "H5/PR4", "H5/PR5", "H5/PR6", "H5/OTHER", "H5/DOC");

        List<CompletableFuture<Integer>> calls = items.stream()
                .map(item -> CompletableFuture.supplyAsync(
                        () -> tick(token, item, null).statusCode()))
                .toList();

        assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        JsonPath list = checklist(token);
        for (String item : items) {
            assertThat(list.getBoolean("items.find { it.id == '" + item + "' }.done"))
                    .as(item)
                    .isTrue();
        }
        assertThat(list.getString("homework.find { it.code == 'H5' }.status")).isEqualTo("PASSED");
    }

    @Test
    void aHomeworkStatusFollowsItsPassCriterion() {
        String token = Api.student(Api.uniqueLogin("status"));

        tick(token, "H2/PR1", null);
        assertThat(checklist(token).getString("homework.find { it.code == 'H2' }.status"))
                .isEqualTo("IN_PROGRESS");
        tick(token, "H2/PR2", null);
        tick(token, "H2/PR3", null);
        assertThat(checklist(token).getString("homework.find { it.code == 'H2' }.status"))
                .isEqualTo("IN_PROGRESS");
        tick(token, "H2/OTHER", null);
        JsonPath list = checklist(token);
        assertThat(list.getString("homework.find { it.code == 'H2' }.status")).isEqualTo("PASSED");
        assertThat(list.getInt("homework.find { it.code == 'H2' }.donePrs")).isEqualTo(3);

        tick(token, "H1/DOC", "https://docs.google.com/document/d/xyz/edit");
        assertThat(checklist(token).getString("homework.find { it.code == 'H1' }.status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void studentsSeeOnlyTheirOwnProgress() {
        String a = Api.uniqueLogin("alice");
        String b = Api.uniqueLogin("bob");
        String tokenA = Api.student(a);
        String tokenB = Api.student(b);
        tick(tokenB, "H2/PR1", null).then().statusCode(200);

        assertThat(checklist(tokenA).getBoolean("items.find { it.id == 'H2/PR1' }.done"))
                .isFalse();
        as(tokenA)
                .get(BASE + "/students/" + b + "/checklist")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(tokenA).get(BASE + "/join-code").then().statusCode(403);
        given().get(BASE + "/checklist").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .put(BASE + "/checklist/H2/PR1/done")
                .then()
                .statusCode(401);
        as(Api.admin()).get(BASE + "/checklist").then().statusCode(403);
    }

    @Test
    void instructorsSeeAStudentsChecklist() {
        String login = Api.uniqueLogin("watched");
        tick(Api.student(login), "H4/PR1", null).then().statusCode(200);

        as(Api.admin())
                .get(BASE + "/students/" + login + "/checklist")
                .then()
                .statusCode(200)
                .body("student", equalTo(login))
                .body("items.find { it.id == 'H4/PR1' }.done", equalTo(true));
        as(Api.admin())
                .get(BASE + "/students/nobody-here/checklist")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void unknownOrMalformedItemsAreProblems() {
        String token = Api.student(Api.uniqueLogin("typo"));
        tick(token, "H3/PR9", null).then().statusCode(404).contentType(PROBLEM);
        tick(token, "H99/PR1", null).then().statusCode(404);
        tick(token, "weird/PR1", null).then().statusCode(400).body("errors.field", contains("item"));
        as(token)
                .contentType(ContentType.JSON)
                .body("{\"evidence\": 5, \"extra\": 1}")
                .put(BASE + "/checklist/H3/PR1/done")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        as(token).get("/api/courses/no-such-course/checklist").then().statusCode(404);
    }

    @Test
    void noItemOrAnswerCarriesAnotherStudentsData() {
        String token = Api.student(Api.uniqueLogin("private"));
        JsonPath list = checklist(token);
        assertThat(list.getList("items.evidence")).containsOnlyNulls();
        as(token)
                .get(BASE + "/checklist")
                .then()
                .body("items.done", everyItem(equalTo(false)))
                .body("items.updatedAt", everyItem(nullValue()))
                .body("homework.code", hasItems("H1", "H16"));
    }
}
