package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syllabus.client.ApiClient;
import dev.syllabus.client.ApiException;
import dev.syllabus.client.ApiResponse;
import dev.syllabus.client.api.AccountsApi;
import dev.syllabus.client.api.ChecklistApi;
import dev.syllabus.client.api.CohortApi;
import dev.syllabus.client.api.CurriculumApi;
import dev.syllabus.client.api.EnrolmentApi;
import dev.syllabus.client.model.ChecklistItem;
import dev.syllabus.client.model.CohortRow;
import dev.syllabus.client.model.Course;
import dev.syllabus.client.model.DoneRequest;
import dev.syllabus.client.model.Homework;
import dev.syllabus.client.model.IntegrationToken;
import dev.syllabus.client.model.JoinCode;
import dev.syllabus.client.model.JoinRequest;
import dev.syllabus.client.model.LoginRequest;
import dev.syllabus.client.model.Session;
import dev.syllabus.client.model.TokenRequest;
import dev.syllabus.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A third party's journey through the Java client that openapi-generator makes from the committed
 * document (with its validation on), against the running API: what a generated client gets is
 * what the document promised.
 */
@QuarkusTest
class GeneratedClientJourneyTest {

    private static final String COURSE = Api.COURSE;

    @Test
    void aThirdPartyReadsTheCurriculumSignsInJoinsTicksAndReadsTheCohort() throws Exception {
        ApiClient anonymous = client(null);
        CurriculumApi curriculum = new CurriculumApi(anonymous);
        Course agenda = curriculum.getDefaultAgenda(null);
        assertThat(agenda.getWeeks()).hasSize(8);
        // Dates arrive typed: a week's first day, a homework's due time with its offset.
        assertThat(agenda.getWeeks().get(1).getStart())
                .isEqualTo(agenda.getWeeks().get(0).getStart().plusWeeks(1));
        assertThat(agenda.getWeeks().get(0).getHomework().get(1).getDue().toLocalDate())
                .isEqualTo(agenda.getWeeks().get(0).getStart().plusDays(13));
        ApiResponse<Homework> homework = curriculum.getHomeworkWithHttpInfo("H3", COURSE, null);
        assertThat(homework.getData().getTasks())
                .extracting(task -> task.getId())
                .contains("H3/PR1", "H3/PR2");
        String etag = homework.getHeaders().get("etag").get(0);
        // The generated client reports every answer outside 2xx as an ApiException, 304 included.
        assertThatThrownBy(() -> curriculum.getHomework("H3", COURSE, etag))
                .isInstanceOfSatisfying(ApiException.class, unchanged -> assertThat(unchanged.getCode())
                        .isEqualTo(304));

        Session instructor = new AccountsApi(anonymous)
                .login(
                        new LoginRequest().login(Api.ADMIN).password(Api.ADMIN_PASSWORD),
                        Map.of("X-Forwarded-For", Api.address()));
        ApiClient asInstructor = client(instructor.getToken());
        String joinCode = new EnrolmentApi(asInstructor)
                .setJoinCode(COURSE, new JoinCode().code("CLIENT-JOURNEY-1"))
                .getCode();

        String login = Api.uniqueLogin("client");
        Session student = new EnrolmentApi(anonymous)
                .joinCourse(
                        COURSE,
                        new JoinRequest()
                                .login(login)
                                .password("a generated client's password")
                                .joinCode(joinCode)
                                .name("Client Journey"));
        ChecklistApi checklist = new ChecklistApi(client(student.getToken()));
        ApiResponse<ChecklistItem> ticked = checklist.markItemDoneWithHttpInfo(
                "H3",
                "PR1",
                COURSE,
                "\"v0\"",
                new DoneRequest().evidence("https://github.com/" + login + "/ml-in-production/pull/3"));
        assertThat(ticked.getData().getDone()).isTrue();
        assertThat(ticked.getHeaders().get("etag")).containsExactly("\"v1\"");
        assertThatThrownBy(() -> checklist.markItemNotDone("H3", "PR1", COURSE, "\"v0\""))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(412);
                    assertThat(refused.getResponseBody()).contains("\"status\":412");
                });
        assertThat(checklist.markItemNotDone("H3", "PR1", COURSE, "\"v1\"").getDone())
                .isFalse();
        assertThat(checklist.markItemDone("H3", "PR2", COURSE, null, null).getDone())
                .as("no body at all")
                .isTrue();
        assertThat(checklist.getMyChecklist(COURSE).getItems())
                .filteredOn(item -> item.getId().equals("H3/PR2"))
                .singleElement()
                .satisfies(item -> assertThat(item.getDone()).isTrue());

        CohortApi cohort = new CohortApi(asInstructor);
        ApiResponse<List<CohortRow>> page =
                cohort.getRunCohortWithHttpInfo("current", COURSE, null, 1, 100, null, null, null);
        assertThat(page.getData()).anySatisfy(row -> assertThat(row.getLogin()).isEqualTo(login));
        assertThat(page.getHeaders()).containsKeys("link", "x-total-count");
        HttpResponse<String> csv = asInstructor
                .getHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        asInstructor.getBaseUri() + "/api/courses/" + COURSE + "/runs/current/cohort"))
                                .header("Authorization", "Bearer " + instructor.getToken())
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(login);

        IntegrationToken integration =
                new AccountsApi(asInstructor).createIntegrationToken(new TokenRequest().label("journey"));
        ApiClient asIntegration = client(integration.getToken());
        assertThat(new CohortApi(asIntegration).getRunCohort("current", COURSE, null, 1, 10, null, null, null))
                .isNotEmpty();
        assertThatThrownBy(
                        () -> new EnrolmentApi(asIntegration).setJoinCode(COURSE, new JoinCode().code("NOT-ALLOWED-1")))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode())
                        .isEqualTo(403));
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
