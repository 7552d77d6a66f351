package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A homework's score, as the gradebook export scores it. */
class ScoreRuleTest {

    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aPassIsFullMarksALatePassLessThePenaltyAReopeningNoScore() {
        ScoreRule.Score passed = ScoreRule.of("passed", 20, AT, List.of("https://github.com/o/r/pull/3"));
        assertThat(passed.given()).isEqualTo(100);
        assertThat(passed.maximum()).isEqualTo(100);
        assertThat(passed.activityProgress()).isEqualTo("Completed");
        assertThat(passed.gradingProgress()).isEqualTo("FullyGraded");
        assertThat(passed.comment()).isEqualTo("Pull requests: https://github.com/o/r/pull/3");
        assertThat(passed.timestamp()).isEqualTo(AT);

        assertThat(ScoreRule.of("passed_late", 20, AT, List.of()).given()).isEqualTo(80);
        assertThat(ScoreRule.of("passed_late", 20, AT, List.of()).comment()).isEqualTo("Passed late.");
        assertThat(ScoreRule.of("passed_late", 150, AT, List.of()).given()).isZero();
        assertThat(ScoreRule.of("passed_late", -5, AT, List.of()).given()).isEqualTo(100);

        ScoreRule.Score reopened = ScoreRule.of("reopened", 20, AT, List.of());
        assertThat(reopened.given()).isNull();
        assertThat(reopened.gradingProgress()).isEqualTo("NotReady");
        assertThat(reopened.activityProgress()).isEqualTo("InProgress");
        assertThatThrownBy(() -> ScoreRule.of("withdrawn", 0, AT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScoresEndpointFollowsTheLineItemsPathBeforeItsQuery() {
        assertThat(LtiScoreSender.scoresOf("https://lms.example/li/3")).isEqualTo("https://lms.example/li/3/scores");
        assertThat(LtiScoreSender.scoresOf("https://lms.example/li?id=3&x=1"))
                .isEqualTo("https://lms.example/li/scores?id=3&x=1");
    }
}
