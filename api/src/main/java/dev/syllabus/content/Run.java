package dev.syllabus.content;

import java.time.LocalDate;

/**
 * One offering of a course to one cohort, as far as dates go: week N starts {@code N - 1} weeks
 * after {@code start}, and due times are wall-clock times in {@code timeZone}.
 */
public record Run(String name, String title, LocalDate start, String timeZone) {}
