package dev.syllabus.course;

import dev.syllabus.content.ContentCheck;
import dev.syllabus.content.ContentFile;
import dev.syllabus.content.Course;
import dev.syllabus.content.CourseReader;
import dev.syllabus.content.CourseSource;
import dev.syllabus.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Checks an uploaded course page and, when it passes, publishes it in place of the course. */
@ApplicationScoped
public class CourseUploads {

    private static final Logger LOG = Logger.getLogger(CourseUploads.class);

    private final CourseStore store;
    private final CourseCatalog catalog;
    private final Courses courses;

    CourseUploads(CourseStore store, CourseCatalog catalog, Courses courses) {
        this.store = store;
        this.catalog = catalog;
        this.courses = courses;
    }

    CourseViews.PublishedUpload replace(String slug, String markdown) {
        // An upload replaces a published course; any other slug is not found.
        Course published = courses.published(slug);
        String file = slug + "/" + CourseReader.AGENDA;
        CourseSource source = new CourseSource(slug, "upload", List.of(new ContentFile(file, markdown)));
        CourseReader.Result result = source.read();
        if (!result.valid()) {
            List<DomainException.FieldError> errors = result.issues().stream()
                    .map(issue -> new DomainException.FieldError("content", issue.toString()))
                    .toList();
            throw DomainException.brokenRules(
                    "The content check found " + errors.size() + " problem(s); the course is unchanged.", errors);
        }
        List<String> warnings = Stream.concat(
                        result.warnings().stream(), ContentCheck.dropped(published, result.course(), file).stream())
                .map(Object::toString)
                .toList();
        warnings.forEach(warning -> LOG.warnf("Content warning in the upload of %s: %s", slug, warning));
        Course course = result.course().withVersion(source.version());
        store.upload(course);
        catalog.reload();
        return new CourseViews.PublishedUpload(CourseViews.CourseSummary.of(courses.published(slug)), warnings);
    }
}
