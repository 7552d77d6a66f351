package dev.syllabus.course;

import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.content.ContentIssue;
import dev.syllabus.content.ContentSources;
import dev.syllabus.content.Course;
import dev.syllabus.content.CourseReader;
import dev.syllabus.content.CourseSource;
import dev.syllabus.content.InvalidContentException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Imports course content at start-up: reads and checks every course first, so that one bad file
 * stops the service with every problem listed instead of serving half a curriculum; then stores
 * the courses whose content changed and loads the read model.
 */
@ApplicationScoped
public class CourseImporter {

    private static final Logger LOG = Logger.getLogger(CourseImporter.class);

    private final SyllabusConfig config;
    private final CourseStore store;
    private final CourseCatalog catalog;

    CourseImporter(SyllabusConfig config, CourseStore store, CourseCatalog catalog) {
        this.config = config;
        this.store = store;
        this.catalog = catalog;
    }

    void onStart(@Observes StartupEvent event) {
        importAll();
    }

    /** @return how many courses were written (unchanged ones are not) */
    public int importAll() {
        List<CourseSource> all = ContentSources.all(config.content().dir());
        // A restart with the content unchanged (every start but the first after a change) compares
        // digests and reads no Markdown: what is stored was checked when that version was imported.
        Map<String, String> digests = new LinkedHashMap<>();
        all.forEach(source -> digests.put(source.slug(), source.version()));
        if (store.holdsImported(digests)) {
            catalog.reload();
            LOG.infof("Serving %d course(s); content unchanged", all.size());
            return 0;
        }
        Map<CourseSource, Course> courses = new LinkedHashMap<>();
        Map<CourseSource, List<ContentIssue>> warnings = new LinkedHashMap<>();
        List<ContentIssue> issues = new ArrayList<>();
        for (CourseSource source : all) {
            CourseReader.Result result = source.read();
            issues.addAll(result.issues());
            warnings.put(source, result.warnings());
            if (result.course() != null) {
                courses.put(source, result.course().withVersion(digests.get(source.slug())));
            }
        }
        if (!issues.isEmpty()) {
            InvalidContentException invalid = new InvalidContentException(issues);
            LOG.error(invalid.getMessage());
            throw invalid;
        }
        int written = 0;
        for (Map.Entry<CourseSource, Course> entry : courses.entrySet()) {
            if (save(entry.getValue(), entry.getKey().origin())) {
                written++;
                // Said once, when a version is imported, not on every start: the author reads them in
                // the content check (make test, POST .../content/check) and the instructor's content panel.
                warnings.get(entry.getKey())
                        .forEach(warning -> LOG.warnf(
                                "Content warning (%s): %s", entry.getValue().slug(), warning));
            }
        }
        catalog.reload();
        LOG.infof("Serving %d course(s); %d imported or updated", courses.size(), written);
        return written;
    }

    /**
     * Replicas start together and import the same content: the first to insert a new course wins
     * and the other's insert fails on the unique slug. Trying once more then finds the course at
     * the same version and writes nothing.
     */
    private boolean save(Course course, String origin) {
        try {
            return store.save(course, origin);
        } catch (RuntimeException raced) {
            LOG.infof(
                    "Course %s was imported concurrently (%s); checking again",
                    course.slug(), raced.getClass().getSimpleName());
            return store.save(course, origin);
        }
    }
}
