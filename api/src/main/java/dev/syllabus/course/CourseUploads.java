package dev.syllabus.course;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.syllabus.content.ContentFile;
import dev.syllabus.content.Course;
import dev.syllabus.content.CourseReader;
import dev.syllabus.content.CourseSource;
import dev.syllabus.http.Problem;
import dev.syllabus.http.ProblemException;

/** Checks an uploaded course page and, when it passes, publishes it in place of the course. */
@ApplicationScoped
public class CourseUploads {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CourseUploads.class);

    private final CourseStore store;
    private final CourseCatalog catalog;

    CourseUploads(CourseStore store, CourseCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    CourseViews.CourseSummary replace(String slug, String markdown) {
        if (catalog.course(slug).isEmpty()) {
            throw ProblemException.notFound("No course '" + slug + "'.");
        }
        CourseSource source = new CourseSource(slug, "upload", List.of(new ContentFile(slug + "/" + CourseReader.AGENDA, markdown)));
        CourseReader.Result result = source.read();
        if (!result.valid()) {
            List<Problem.FieldError> errors = result.issues().stream()
                    .map(issue -> new Problem.FieldError("content", issue.toString())).toList();
            throw ProblemException.unprocessable("The content check found " + errors.size()
                    + " problem(s); the course is unchanged.", errors);
        }
        result.warnings().forEach(warning -> LOG.warnf("Content warning in the upload of %s: %s", slug, warning));
        Course course = result.course().withVersion(source.version());
        store.upload(course);
        catalog.reload();
        return CourseViews.CourseSummary.of(catalog.course(slug).orElseThrow());
    }
}
