package dev.syllabus.progress.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a change to a student's work makes of their homework, as the event tells it. */
class HomeworkTransitionTest {

    @ParameterizedTest(name = "passed {0}, late {1} -> passed {2}, late {3}: {4}")
    @CsvSource(
            nullValues = "none",
            value = {
                "false,false,true,false,passed",
                "false,false,true,true,passed_late",
                "false,true,true,true,passed_late",
                "true,false,false,false,reopened",
                "true,true,false,false,reopened",
                "true,true,true,false,passed", // an extension made it on time
                "true,false,true,true,passed_late", // the extension was taken back
                "true,false,true,false,none",
                "true,true,true,true,none",
                "false,false,false,false,none",
                "false,false,false,true,none"
            })
    void tellsWhatChanged(boolean wasPassed, boolean wasLate, boolean isPassed, boolean isLate, String told) {
        assertThat(HomeworkTransition.between(wasPassed, wasLate, isPassed, isLate)
                        .orElse(null))
                .isEqualTo(told);
    }
}
