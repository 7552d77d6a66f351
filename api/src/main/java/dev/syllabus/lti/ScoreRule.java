package dev.syllabus.lti;

import java.time.Instant;
import java.util.List;

/**
 * A homework's score as LTI Assignment and Grade Services 2.0 takes it, from the status it moved
 * to, as the gradebook export scores it: passed on time 100, passed late 100 less the course's late
 * penalty, reopened: no score (the platform's cell is cleared, the work in progress again).
 */
public final class ScoreRule {

    public static final int MAXIMUM = 100;

    private ScoreRule() {}

    /** A score, with its AGS fields; {@code given} is null when there is no score. */
    public record Score(
            Integer given,
            int maximum,
            String activityProgress,
            String gradingProgress,
            Instant timestamp,
            String comment) {}

    /**
     * The score for {@code status} ({@code passed}, {@code passed_late} or {@code reopened}) at
     * {@code at}; the comment names the pull requests that earned it.
     */
    public static Score of(String status, int latePenalty, Instant at, List<String> evidence) {
        String comment = evidence.isEmpty() ? null : "Pull requests: " + String.join(" ", evidence);
        return switch (status) {
            case "passed" -> new Score(MAXIMUM, MAXIMUM, "Completed", "FullyGraded", at, comment);
            case "passed_late" ->
                new Score(
                        Math.max(0, MAXIMUM - Math.max(0, latePenalty)),
                        MAXIMUM,
                        "Completed",
                        "FullyGraded",
                        at,
                        comment == null ? "Passed late." : "Passed late. " + comment);
            case "reopened" -> new Score(null, MAXIMUM, "InProgress", "NotReady", at, "Reopened.");
            default -> throw new IllegalArgumentException("no score for status " + status);
        };
    }
}
