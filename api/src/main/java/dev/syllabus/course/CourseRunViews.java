package dev.syllabus.course;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the course-run endpoints send and receive. */
public final class CourseRunViews {

    private CourseRunViews() {}

    @Schema(name = "CourseRun", description = "One offering of a course to one cohort.")
    public record RunView(
            @Schema(description = "The run's address in /runs/{run}", example = "2026-autumn")
            String name,

            @Schema(example = "Autumn 2026") String title,

            @Schema(description = "The first day of week 1", example = "2026-09-07")
            LocalDate start,

            @Schema(description = "The last day of the course's last week", example = "2026-11-01")
            LocalDate end,

            @Schema(example = "Europe/Kyiv") String timeZone,

            @Schema(
                    description =
                            "Whether endpoints without a run in their address use this run: the latest that has started, "
                                    + "or the first to start when none has")
            boolean current,

            @Schema(nullable = true, description = "What students type to join this run", example = "K7QX2MPARW")
            String joinCode) {}

    @Schema(
            name = "RunRequest",
            description = "A run's settings; dates derived from them (weeks, due dates, calendars) move with them.")
    public record RunRequest(
            @NotNull @Size(min = 1, max = 200) @Schema(example = "Autumn 2026")
            String title,

            @NotNull @Schema(description = "The first day of week 1", example = "2026-09-07")
            LocalDate start,

            @NotNull @Size(max = 64) @Schema(description = "IANA time zone", example = "Europe/Kyiv", maxLength = 64)
            String timeZone,

            @Size(min = 4, max = 64)
            @Pattern(regexp = "^[A-Za-z0-9-]+$")
            @Schema(
                    nullable = true,
                    description =
                            "The run's join code; a new run without one gets a random code, an existing run keeps its own",
                    example = "K7QX2MPARW")
            String joinCode) {}
}
