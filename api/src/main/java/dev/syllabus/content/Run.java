package dev.syllabus.content;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One offering of a course to one cohort, as far as dates go: week N starts {@code N - 1} weeks
 * after {@code start}, and due times are wall-clock times in {@code timeZone}.
 */
@Schema(name = "RunDates", description = "The course run the dates belong to.")
public record Run(
        @Schema(example = "2026-autumn") String name,
        @Schema(example = "Autumn 2026") String title,

        @Schema(description = "The first day of week 1", example = "2026-09-07")
        LocalDate start,

        @Schema(description = "IANA time zone of the run's dates and times", example = "Europe/Kyiv")
        String timeZone) {}
