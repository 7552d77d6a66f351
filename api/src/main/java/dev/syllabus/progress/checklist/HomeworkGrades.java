package dev.syllabus.progress.checklist;

import java.time.Instant;
import java.util.List;

/**
 * Told, in the transaction of a change, of each homework whose status the change moved: how a
 * learning platform's gradebook learns of a pass (package {@code lti} implements it, so the arrow
 * points from there to here).
 */
public interface HomeworkGrades {

    /** Whether this student's homework in this course is followed (and worth reading before and after a change). */
    boolean follows(long courseId, long studentId);

    /** The homework moved to {@code status} ({@code passed}, {@code passed_late} or {@code reopened}). */
    void changed(Change change);

    /**
     * A homework's new status, when it changed and the pull requests (evidence URLs) of its done
     * items.
     */
    record Change(
            long courseId,
            long studentId,
            String homework,
            String title,
            String status,
            Instant passedAt,
            Instant at,
            List<String> evidence) {}
}
