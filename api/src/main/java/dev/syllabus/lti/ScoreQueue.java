package dev.syllabus.lti;

import java.time.Duration;
import java.time.Instant;

/**
 * The one score of a student's homework waiting for a platform. A new score replaces the one
 * waiting (the platform only ever needs the latest); an attempt sends what is waiting when it
 * starts, with its version; a success counts up to that version only, so a score queued during the
 * attempt is still sent after it, and an older score never follows a newer one.
 */
public record ScoreQueue(String body, int version, int sentVersion, int attempts, Instant nextAttemptAt) {

    public static ScoreQueue empty(Instant now) {
        return new ScoreQueue(null, 0, 0, 0, now);
    }

    /** Whether a score waits to be sent. */
    public boolean pending() {
        return version > sentVersion;
    }

    /** {@code body} queued at {@code now}: it waits, to be sent at once. */
    public ScoreQueue offer(String body, Instant now) {
        return new ScoreQueue(body, version + 1, sentVersion, 0, now);
    }

    /** The platform took the score of {@code sentVersion} (the version the attempt sent). */
    public ScoreQueue delivered(int attemptVersion) {
        return new ScoreQueue(body, version, Math.max(sentVersion, attemptVersion), 0, nextAttemptAt);
    }

    /** An attempt failed at {@code now}; the next waits {@code wait}. A score queued meanwhile goes at once. */
    public ScoreQueue failed(int attemptVersion, Instant now, Duration wait) {
        boolean newer = version > attemptVersion;
        return new ScoreQueue(body, version, sentVersion, newer ? 0 : attempts + 1, newer ? now : now.plus(wait));
    }

    /** An instructor asked for the score again: what waits (or, once sent, the same score once more) goes at {@code now}. */
    public ScoreQueue resent(Instant now) {
        if (body == null) {
            return this; // no score was ever queued: nothing to send
        }
        return new ScoreQueue(body, pending() ? version : version + 1, sentVersion, 0, now);
    }
}
