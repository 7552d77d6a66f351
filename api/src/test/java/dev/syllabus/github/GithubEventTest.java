package dev.syllabus.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GitHub's payloads read into records at the edge: what a delivery says, and what it leaves out. */
class GithubEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aMergedPullRequestCarriesItsFactsAndTheRepositoryInLowerCase() throws Exception {
        GithubEvent event = GithubEvent.of("pull_request", json("""
                {'action': 'closed', 'repository': {'full_name': 'Ada/ML-Course', 'id': 42},
                 'pull_request': {'number': 7, 'state': 'closed', 'merged_at': '2026-11-20T11:00:00Z',
                   'html_url': 'https://github.com/Ada/ML-Course/pull/7', 'title': 'H3 PR1: MinIO client',
                   'updated_at': '2026-11-20T11:00:01Z', 'head': {'sha': 'abc', 'ref': 'h3-pr1'},
                   'user': {'login': 'Ada', 'id': 9}}}"""));

        assertThat(event).isInstanceOf(GithubEvent.PullRequestEvent.class);
        GithubEvent.PullRequestEvent pr = (GithubEvent.PullRequestEvent) event;
        assertThat(pr.action()).isEqualTo("closed");
        assertThat(pr.repository()).isEqualTo(new GithubEvent.Repository("ada/ml-course", 42L));
        assertThat(pr.pullRequest().number()).isEqualTo(7);
        assertThat(pr.pullRequest().mergedAt()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        assertThat(pr.pullRequest().facts().state()).isEqualTo(PullRequestFacts.State.MERGED);
        assertThat(pr.pullRequest().facts().authorLogin()).isEqualTo("ada");
        assertThat(pr.pullRequest().facts().authorId()).isEqualTo(9L);
        assertThat(pr.pullRequest().headRef()).isEqualTo("h3-pr1");
    }

    @Test
    void whatAPayloadLeavesOutOrGetsWrongIsNullNeverAnException() throws Exception {
        GithubEvent event = GithubEvent.of("pull_request_review", json("""
                {'action': 'submitted', 'repository': {'full_name': 'ada/ml', 'id': 'not a number'},
                 'pull_request': {'number': 'x', 'merged_at': null, 'updated_at': 'yesterday'},
                 'review': {'state': 'APPROVED', 'user': {}}}"""));

        GithubEvent.ReviewEvent review = (GithubEvent.ReviewEvent) event;
        assertThat(review.repository().id()).isNull();
        assertThat(review.state()).isEqualTo("approved");
        assertThat(review.reviewerId()).isNull();
        assertThat(review.reviewerLogin()).isEmpty();
        assertThat(review.submittedAt()).isNull();
        assertThat(review.pullRequest().mergedAt()).isNull();
        assertThat(review.pullRequest().updatedAt()).isNull();
        assertThat(review.pullRequest().facts().state()).isEqualTo(PullRequestFacts.State.OPEN);
    }

    @Test
    void checksNameTheirPullRequestsAndARunItsName() throws Exception {
        GithubEvent suite = GithubEvent.of("check_suite", json("""
                {'action': 'completed', 'repository': {'full_name': 'ada/ml'},
                 'check_suite': {'head_sha': 'abc', 'conclusion': 'success', 'pull_requests': [{'number': 3}, {'number': 5}]}}"""));
        GithubEvent run = GithubEvent.of("check_run", json("""
                {'action': 'completed', 'repository': {'full_name': 'ada/ml'},
                 'check_run': {'name': 'test', 'head_sha': 'abc', 'conclusion': 'failure'}}"""));

        assertThat(suite)
                .isEqualTo(new GithubEvent.CheckEvent(
                        "completed",
                        new GithubEvent.Repository("ada/ml", null),
                        "abc",
                        "success",
                        null,
                        java.util.List.of(3, 5)));
        assertThat(((GithubEvent.CheckEvent) run).runName()).isEqualTo("test");
        assertThat(((GithubEvent.CheckEvent) run).pullRequests()).isEmpty();
    }

    @Test
    void aMemberComesWithThePermissionTheyWereGivenAndOtherEventsAreNamed() throws Exception {
        GithubEvent member = GithubEvent.of("member", json("""
                {'action': 'added', 'repository': {'full_name': 'ada/ml', 'id': 1},
                 'member': {'login': 'grace', 'id': 77}, 'changes': {'permission': {'to': 'admin'}}}"""));
        GithubEvent star = GithubEvent.of("star", json("{'action': 'created'}"));

        assertThat(member)
                .isEqualTo(new GithubEvent.MemberEvent(
                        "added", new GithubEvent.Repository("ada/ml", 1L), 77L, "grace", "admin"));
        assertThat(star).isEqualTo(new GithubEvent.Other("star", "created", new GithubEvent.Repository(null, null)));
    }

    @Test
    void longTextIsCutToWhatTheDatabaseKeeps() throws Exception {
        String title = "t".repeat(1_500);
        GithubEvent event = GithubEvent.of("pull_request", json("{'pull_request': {'title': '" + title + "'}}"));

        assertThat(((GithubEvent.PullRequestEvent) event).pullRequest().title()).hasSize(1_000);
    }
}
