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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shorter shapes of a course that list and overview endpoints return. */
final class CourseViews {

    private CourseViews() {}

    @Schema(name = "CourseSummary", description = "A course in the list of courses.")
    record CourseSummary(
            @Schema(example = "ml-in-production") String slug,

            @Schema(example = "Machine Learning in Production")
            String title,

            @Schema(nullable = true) String description,
            @Schema(example = "3f2a9c1d0b7e4a65") String version,

            @Schema(description = "Number of weeks.", example = "8")
            int weeks,

            @Schema(description = "Number of homework assignments.", example = "16")
            int homework) {

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

    @Schema(
            name = "PublishedUpload",
            description =
                    "The course as an upload published it (or, for a check alone, would publish it), with what the content"
                            + " check noticed but did not stop at.")
    record PublishedUpload(
            // The summary's properties sit beside the warnings, as in the course list.
            @JsonUnwrapped CourseSummary course,

            @Schema(
                    description =
                            "What the check noticed but did not stop at, as file:line: message (file: message for homework"
                                    + " and tasks the upload takes off every checklist); empty when nothing",
                    example =
                            "[\"ml-in-production/agenda.md:41: H3: PR5 is marked optional, but the pass criterion asks for 6 PRs, every one listed: the mark changes nothing\"]")
            List<String> warnings) {

        PublishedUpload {
            warnings = List.copyOf(warnings);
        }
    }

    @Schema(
            name = "CourseOverview",
            description = "A course with a summary of its weeks instead of their full content.")
    record CourseOverview(
            @Schema(example = "ml-in-production") String slug,

            @Schema(example = "Machine Learning in Production")
            String title,

            @Schema(nullable = true) String description,
            @Schema(example = "3f2a9c1d0b7e4a65") String version,
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

    @Schema(name = "WeekSummary")
    record WeekSummary(
            @Schema(example = "1") int number,
            @Schema(example = "Introduction") String title,

            @Schema(description = "Titles of the week's topics.")
            List<String> topics,

            List<HomeworkReference> homework) {

        static WeekSummary of(Week week) {
            return new WeekSummary(
                    week.number(),
                    week.title(),
                    week.topics().stream().map(Point::title).toList(),
                    week.homework().stream().map(HomeworkReference::of).toList());
        }
    }

    @Schema(name = "HomeworkReference")
    record HomeworkReference(
            @Schema(example = "H1") String code,
            @Schema(example = "Initial design draft") String title) {

        static HomeworkReference of(Homework homework) {
            return new HomeworkReference(homework.code(), homework.title());
        }
    }
}
