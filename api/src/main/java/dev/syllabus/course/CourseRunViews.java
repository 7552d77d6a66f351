package dev.syllabus.course;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What the course-run endpoints send and receive. */
public final class CourseRunViews {

    private CourseRunViews() {}

    public record RunView(
            String name,

            String title,

            LocalDate start,

            LocalDate end,

            String timeZone,

            boolean current,

            String joinCode) {}

    public record RunRequest(
            @NotNull @Size(min = 1, max = 200) String title,

            @NotNull LocalDate start,

            @NotNull @Size(max = 64) String timeZone,

            @Size(min = 4, max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$")
            String joinCode) {}
}
