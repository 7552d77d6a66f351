package dev.syllabus.course;

import dev.syllabus.content.Course;
import dev.syllabus.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way to find a course: its published content comes from the read model, its database id
 * from memory (course rows are updated in place and never deleted, so a slug's id never changes),
 * its row only when a write needs it. A slug that names no published course is "not found" everywhere.
 */
@ApplicationScoped
public class Courses {

    /** A published course and its database id. */
    public record Ref(long id, Course course) {}

    private final CourseCatalog catalog;
    private final Map<String, Long> idsBySlug = new ConcurrentHashMap<>();
    private final Map<Long, String> slugsById = new ConcurrentHashMap<>();

    Courses(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    /** The published course and its id. */
    public Ref find(String slug) {
        Course course = published(slug);
        Long id = idsBySlug.computeIfAbsent(
                slug, key -> CourseEntity.findBySlug(key).map(row -> row.id).orElse(null));
        if (id == null) {
            throw notFound(slug);
        }
        return new Ref(id, course);
    }

    public long id(String slug) {
        return find(slug).id();
    }

    /** The course as the read model publishes it (content and the current run's dates). */
    public Course published(String slug) {
        return catalog.course(slug).orElseThrow(() -> notFound(slug));
    }

    /** The published course with this id, if it is published. */
    public Optional<Course> published(long id) {
        return catalog.course(slug(id));
    }

    /** The course's row, for a write in the caller's transaction. */
    public CourseEntity row(String slug) {
        return CourseEntity.findBySlug(slug).orElseThrow(() -> notFound(slug));
    }

    public String slug(long id) {
        return slugsById.computeIfAbsent(id, key -> CourseEntity.<CourseEntity>findByIdOptional(key)
                .map(row -> row.slug)
                .orElseThrow(() -> DomainException.notFound("No course with id " + key + ".")));
    }

    public static DomainException notFound(String slug) {
        return DomainException.notFound("No course '" + slug + "'.");
    }
}
