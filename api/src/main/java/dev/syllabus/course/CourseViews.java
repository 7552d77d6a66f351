package dev.syllabus.course;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.syllabus.content.Course;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Link;
import dev.syllabus.content.Point;
import dev.syllabus.content.Principle;
import dev.syllabus.content.Section;
import dev.syllabus.content.Tool;
import dev.syllabus.content.Week;
import java.util.List;

/** The shorter shapes of a course that list and overview endpoints return. */
final class CourseViews {

    private CourseViews() {}

    record CourseSummary(String slug, String title, String description, String version, int weeks, int homework) {

        static CourseSummary of(Course course) {
            return new CourseSummary(
                    course.slug(),
                    course.title(),
                    course.description(),
                    course.version(),
                    course.weeks().size(),
                    course.weeks().stream().mapToInt(w -> w.homework().size()).sum());
        }
    }

    record PublishedUpload(
            // The summary's properties sit beside the warnings, as in the course list.
            @JsonUnwrapped CourseSummary course, List<String> warnings) {

        PublishedUpload {
            warnings = List.copyOf(warnings);
        }
    }

    record CourseOverview(
            String slug,

            String title,

            String description,
            String version,
            List<Principle> principles,
            List<Link> links,
            List<Tool> tools,
            List<Point> homeworkRules,
            List<Section> sections,
            List<WeekSummary> weeks,
            EvidencePolicy evidencePolicy) {

        static CourseOverview of(Course course) {
            return new CourseOverview(
                    course.slug(),
                    course.title(),
                    course.description(),
                    course.version(),
                    course.principles(),
                    course.links(),
                    course.tools(),
                    course.homeworkRules(),
                    course.sections(),
                    course.weeks().stream().map(WeekSummary::of).toList(),
                    course.evidencePolicy());
        }
    }

    record WeekSummary(int number, String title, List<String> topics, List<HomeworkReference> homework) {

        static WeekSummary of(Week week) {
            return new WeekSummary(
                    week.number(),
                    week.title(),
                    week.topics().stream().map(Point::title).toList(),
                    week.homework().stream().map(HomeworkReference::of).toList());
        }
    }

    record HomeworkReference(String code, String title) {

        static HomeworkReference of(Homework homework) {
            return new HomeworkReference(homework.code(), homework.title());
        }
    }
}
