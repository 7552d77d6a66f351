package dev.syllabus.content;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A course as its author wrote it: the agenda plus the week pages, parsed into structure. */
@Schema(description = "A course: its agenda, weeks, topics and homework.")
public record Course(
        @Schema(example = "ml-in-production") String slug,
        @Schema(example = "Machine Learning in Production") String title,

        @Schema(
                nullable = true,
                example = "Take a machine-learning model from a notebook to a monitored production service.")
        String description,

        @Schema(
                description = "Content version: changes whenever the course's source files change; also the ETag.",
                example = "3f2a9c1d0b7e4a65")
        String version,

        List<Principle> principles,
        List<Link> links,
        List<Tool> tools,

        @Schema(description = "Course-wide checklist items from the homework instructions.")
        List<Point> homeworkRules,

        @Schema(description = "Sections the importer does not know, kept as titled free text.")
        List<Section> sections,

        List<Week> weeks,
        EvidencePolicy evidencePolicy,
        Schedule schedule,

        @Schema(
                nullable = true,
                description = "The run whose dates the weeks and homework carry: the course's current run")
        Run run) {

    public Course {
        evidencePolicy = evidencePolicy == null ? EvidencePolicy.DEFAULT : evidencePolicy;
        schedule = schedule == null ? Schedule.DEFAULT : schedule;
        principles = List.copyOf(principles);
        links = List.copyOf(links);
        tools = List.copyOf(tools);
        homeworkRules = List.copyOf(homeworkRules);
        sections = List.copyOf(sections);
        weeks = List.copyOf(weeks);
    }

    public Course withVersion(String newVersion) {
        return new Course(
                slug,
                title,
                description,
                newVersion,
                principles,
                links,
                tools,
                homeworkRules,
                sections,
                weeks,
                evidencePolicy,
                schedule,
                run);
    }

    /** The course as taught in {@code run}: every week with its dates, every homework with its due date. */
    public Course on(Run run) {
        ZoneId zone = ZoneId.of(run.timeZone());
        IntFunction<LocalDate> weekStart = number -> run.start().plusWeeks(number - 1L);
        return new Course(
                slug,
                title,
                description,
                version,
                principles,
                links,
                tools,
                homeworkRules,
                sections,
                weeks.stream()
                        .map(week -> week.dated(weekStart, zone, schedule.due()))
                        .toList(),
                evidencePolicy,
                schedule,
                run);
    }

    /** Every homework, week by week. */
    public Stream<Homework> homework() {
        return weeks.stream().flatMap(week -> week.homework().stream());
    }
}
