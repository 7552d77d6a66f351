package dev.syllabus.course;

import dev.syllabus.content.ContentCheck;
import dev.syllabus.content.ContentFile;
import dev.syllabus.content.Course;
import dev.syllabus.content.CourseReader;
import dev.syllabus.content.CourseSource;
import dev.syllabus.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Checks an uploaded course page and, when it passes, publishes it in place of the course (or, for a
 * check alone, says what publishing it would give).
 */
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

    /** A page that passed the content check: the course it makes and what the check warns about. */
    private record Checked(Course course, List<String> warnings) {}

    /** What publishing {@code markdown} as course {@code slug} would give, without publishing it. */
    CourseViews.PublishedUpload check(String slug, String markdown) {
        Checked checked = checked(slug, markdown);
        return new CourseViews.PublishedUpload(CourseViews.CourseSummary.of(checked.course()), checked.warnings());
    }

    /**
     * Publishes {@code markdown} as course {@code slug} when it passes the content check and the
     * course's current version is one {@code basedOn} admits (see {@link CourseStore#upload}).
     */
    CourseViews.PublishedUpload replace(String slug, String markdown, Predicate<String> basedOn) {
        Checked checked = checked(slug, markdown);
        store.upload(checked.course(), basedOn);
        checked.warnings().forEach(warning -> LOG.warnf("Content warning in the upload of %s: %s", slug, warning));
        catalog.reload();
        return new CourseViews.PublishedUpload(
                CourseViews.CourseSummary.of(courses.published(slug)), checked.warnings());
    }

    /** The content check of an uploaded page; a page with problems is refused with every one of them. */
    private Checked checked(String slug, String markdown) {
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
        return new Checked(result.course().withVersion(source.version()), warnings);
    }
}
