package dev.syllabus.content;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/** A course as its author wrote it: the agenda plus the week pages, parsed into structure. */
public record Course(
        String slug,
        String title,

        String description,

        String version,

        List<Principle> principles,
        List<Link> links,
        List<Tool> tools,

        List<Point> homeworkRules,

        List<Section> sections,

        List<Week> weeks,
        EvidencePolicy evidencePolicy,
        Schedule schedule,

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
