package dev.syllabus.course;

import dev.syllabus.content.Run;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which run of a course is current: the one that started most recently (its first day has begun in
 * its own time zone), or, before any has started, the one that starts first. Endpoints without a run
 * in their address use it, so a spring cohort stays current while the autumn run is prepared, and
 * autumn takes over on its first day.
 */
public final class CurrentRunRule {

    private CurrentRunRule() {}

    public static Optional<Run> current(List<Run> runs, Instant now) {
        Optional<Run> started = runs.stream().filter(run -> started(run, now)).max(Comparator.comparing(Run::start));
        return started.isPresent() ? started : runs.stream().min(Comparator.comparing(Run::start));
    }

    static boolean started(Run run, Instant now) {
        return !run.start().isAfter(LocalDate.ofInstant(now, ZoneId.of(run.timeZone())));
    }
}
