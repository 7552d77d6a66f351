package dev.syllabus.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** When failed deliveries are tried again: soon at first, then for more than a day, never in lockstep. */
class RetryScheduleTest {

    @Property
    void eachWaitIsItsStepMovedByAtMostAFifth(@ForAll @IntRange(min = 1, max = 11) int failures, @ForAll long seed) {
        Duration step = RetrySchedule.WAITS.get(failures - 1);
        Duration wait = RetrySchedule.after(failures, new Random(seed)).orElseThrow();

        assertThat(wait.toMillis()).isBetween(Math.round(step.toMillis() * 0.8), Math.round(step.toMillis() * 1.2));
    }

    @Property
    void theFirstRetryComesWithinAMinuteAndTheLastMoreThanADayAfterTheFirstFailure(@ForAll long seed) {
        Random random = new Random(seed);
        Duration total = Duration.ZERO;
        for (int failures = 1; RetrySchedule.after(failures, random).isPresent(); failures++) {
            Duration wait = RetrySchedule.after(failures, random).orElseThrow();
            if (failures == 1) {
                assertThat(wait).isLessThan(Duration.ofMinutes(1));
            }
            total = total.plus(wait);
        }
        assertThat(total).isGreaterThan(Duration.ofHours(24));
    }

    @Property
    void waitsGrowAndThenStop(@ForAll long seed) {
        for (int failures = 2; failures <= RetrySchedule.WAITS.size(); failures++) {
            assertThat(RetrySchedule.WAITS.get(failures - 1))
                    .isGreaterThanOrEqualTo(RetrySchedule.WAITS.get(failures - 2));
        }
        assertThat(RetrySchedule.after(RetrySchedule.attempts(), new Random(seed)))
                .isEmpty();
        assertThat(RetrySchedule.after(0, new Random(seed))).isEmpty();
    }
}
