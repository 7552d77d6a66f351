package dev.syllabus.course;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.content.Course;
import dev.syllabus.content.DueRule;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Lecture;
import dev.syllabus.content.Link;
import dev.syllabus.content.PassCriterion;
import dev.syllabus.content.Point;
import dev.syllabus.content.Principle;
import dev.syllabus.content.Schedule;
import dev.syllabus.content.Section;
import dev.syllabus.content.Task;
import dev.syllabus.content.TaskKind;
import dev.syllabus.content.Tool;
import dev.syllabus.content.Week;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Converts between the curriculum records and their rows; nested lists travel as JSON text. */
@ApplicationScoped
class CurriculumMapper {

    private static final TypeReference<List<Principle>> PRINCIPLES = new TypeReference<>() {};
    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {};
    private static final TypeReference<EvidencePolicy> EVIDENCE_POLICY = new TypeReference<>() {};
    private static final TypeReference<Schedule> SCHEDULE = new TypeReference<>() {};
    private static final TypeReference<List<Tool>> TOOLS = new TypeReference<>() {};
    private static final TypeReference<List<Point>> POINTS = new TypeReference<>() {};
    private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {};
    private static final TypeReference<List<Lecture>> LECTURES = new TypeReference<>() {};
    private static final TypeReference<Section> SECTION = new TypeReference<>() {};

    private final ObjectMapper json;

    CurriculumMapper(ObjectMapper json) {
        this.json = json;
    }

    /** Copies the course's own fields onto {@code row} and replaces its weeks with fresh rows. */
    void fill(CourseEntity row, Course course, String origin) {
        row.slug = course.slug();
        row.title = course.title();
        row.description = course.description();
        row.version = course.version();
        row.origin = origin;
        row.importedAt = Instant.now();
        row.principles = write(course.principles());
        row.links = write(course.links());
        row.tools = write(course.tools());
        row.homeworkRules = write(course.homeworkRules());
        row.sections = write(course.sections());
        row.evidencePolicy = write(course.evidencePolicy());
        row.schedule = write(course.schedule());
        for (Week week : course.weeks()) {
            row.weeks.add(week(row, week));
        }
    }

    private WeekEntity week(CourseEntity course, Week week) {
        WeekEntity row = new WeekEntity();
        row.course = course;
        row.number = week.number();
        row.title = week.title();
        row.goal = week.goal();
        row.topics = write(week.topics());
        row.lectures = write(week.lectures());
        row.webinar = week.webinar() == null ? null : write(week.webinar());
        row.sections = write(week.sections());
        int position = 0;
        for (Homework homework : week.homework()) {
            row.homework.add(homework(row, homework, position++));
        }
        return row;
    }

    private HomeworkEntity homework(WeekEntity week, Homework homework, int position) {
        HomeworkEntity row = new HomeworkEntity();
        row.week = week;
        row.position = position;
        row.code = homework.code();
        row.title = homework.title();
        row.summary = homework.summary();
        row.reading = write(homework.reading());
        if (homework.pass() != null) {
            row.passText = homework.pass().text();
            row.requiredPrs = homework.pass().requiredPrs();
            row.instructorApproval = homework.pass().instructorApproval();
        }
        row.dueRule = homework.dueRule() == null ? null : homework.dueRule().text();
        int order = 0;
        for (Task task : homework.tasks()) {
            TaskEntity taskRow = new TaskEntity();
            taskRow.homework = row;
            taskRow.position = order++;
            taskRow.code = task.code();
            taskRow.kind = task.kind();
            taskRow.title = task.title();
            taskRow.optional = task.optional();
            row.tasks.add(taskRow);
        }
        return row;
    }

    Course course(CourseEntity row) {
        return new Course(
                row.slug,
                row.title,
                row.description,
                row.version,
                read(row.principles, PRINCIPLES),
                read(row.links, LINKS),
                read(row.tools, TOOLS),
                read(row.homeworkRules, POINTS),
                read(row.sections, SECTIONS),
                row.weeks.stream().map(this::week).toList(),
                row.evidencePolicy == null ? EvidencePolicy.DEFAULT : read(row.evidencePolicy, EVIDENCE_POLICY),
                row.schedule == null ? Schedule.DEFAULT : read(row.schedule, SCHEDULE),
                null);
    }

    private Week week(WeekEntity row) {
        return new Week(
                row.number,
                row.title,
                row.goal,
                read(row.topics, POINTS),
                read(row.lectures, LECTURES),
                row.homework.stream().map(h -> homework(row.number, h)).toList(),
                row.webinar == null ? null : read(row.webinar, SECTION),
                read(row.sections, SECTIONS));
    }

    private Homework homework(int week, HomeworkEntity row) {
        List<Task> tasks = row.tasks.stream()
                .map(t -> new Task(row.code + "/" + t.code, t.code, t.kind, t.title, t.optional))
                .toList();
        int listedPrs =
                (int) tasks.stream().filter(t -> t.kind() == TaskKind.PR).count();
        PassCriterion pass = row.passText == null
                ? null
                : new PassCriterion(row.passText, row.requiredPrs, listedPrs, row.instructorApproval);
        return new Homework(
                row.code,
                week,
                row.title,
                row.summary,
                tasks,
                read(row.reading, POINTS),
                pass,
                row.dueRule == null ? null : DueRule.parse(row.dueRule).orElseThrow());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored curriculum JSON does not match the model", e);
        }
    }
}
