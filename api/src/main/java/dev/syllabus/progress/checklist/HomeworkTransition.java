package dev.syllabus.progress.checklist;

import java.util.Optional;

/**
 * Whether a change to a student's work changed what their homework counts as, in the words of the
 * {@code homework.status.changed} event: {@code passed}, {@code passed_late} (passed after its due
 * time), or {@code reopened} (it counted as passed and no longer does). A passed homework whose
 * lateness changed (an extension moved its due time) is told again with its new status.
 */
public final class HomeworkTransition {

    private HomeworkTransition() {}

    public static Optional<String> between(boolean wasPassed, boolean wasLate, boolean isPassed, boolean isLate) {
        if (isPassed && (!wasPassed || wasLate != isLate)) {
            return Optional.of(isLate ? "passed_late" : "passed");
        }
        if (wasPassed && !isPassed) {
            return Optional.of("reopened");
        }
        return Optional.empty();
    }
}
