package dev.syllabus.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.content.Course;
import dev.syllabus.content.CourseWriter;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Week;
import dev.syllabus.http.Precomputed;
import dev.syllabus.http.Representation;
import dev.syllabus.http.RepresentationIndex;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The read model: every course's documents, serialised once per content version and served from
 * memory, so that a read never touches the database. The entity tag of each document is the
 * course's content version, which every replica derives from the same content.
 */
@ApplicationScoped
public class CourseCatalog implements RepresentationIndex {

    public static final String MARKDOWN = "text/markdown";

    private final CourseStore store;
    private final ObjectMapper json;
    private volatile Snapshot snapshot;

    /**
     * The published courses, the list of them, and every course document by its canonical path
     * (with its route and its JSON and Markdown representations), swapped as one.
     */
    record Snapshot(
            Map<String, PublishedCourse> courses,
            List<CourseViews.CourseSummary> summaries,
            String listVersion,
            Map<String, Precomputed> addresses) {}

    private final String defaultCourse;

    CourseCatalog(CourseStore store, ObjectMapper json, SyllabusConfig config) {
        this.store = store;
        this.json = json;
        this.defaultCourse = config.defaultCourse();
    }

    /**
     * Catches up with changes another replica made (a content upload): compares the stored
     * versions with the served ones and reloads when they differ. One small query per period.
     */
    @Scheduled(
            every = "${syllabus.catalog.refresh-every:15s}",
            delayed = "${syllabus.catalog.refresh-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            refreshIfChanged();
        } catch (RuntimeException unavailable) {
            // The database is away: keep serving what we have; readiness reports the outage.
            Logger.getLogger(CourseCatalog.class).debugf("Catalog refresh skipped: %s", unavailable.getMessage());
        }
    }

    /** @return whether the read model was reloaded */
    public boolean refreshIfChanged() {
        Snapshot current = snapshot;
        if (current == null) {
            return false;
        }
        Map<String, String> served = new HashMap<>();
        current.courses()
                .forEach((slug, published) -> served.put(
                        slug,
                        CourseStore.served(
                                published.course().version(), published.course().run())));
        if (served.equals(store.versions())) {
            return false;
        }
        reload();
        return true;
    }

    /** Rebuilds the read model from the database; readers keep the previous one until the swap. */
    public void reload() {
        Map<String, PublishedCourse> courses = new LinkedHashMap<>();
        for (Course course : store.loadAll()) {
            courses.put(course.slug(), publish(course));
        }
        List<CourseViews.CourseSummary> summaries = courses.values().stream()
                .map(p -> CourseViews.CourseSummary.of(p.course()))
                .toList();
        StringBuilder versions = new StringBuilder();
        summaries.forEach(
                s -> versions.append(s.slug()).append('@').append(s.version()).append('\n'));
        Map<String, Precomputed> addresses = new HashMap<>();
        courses.values().forEach(course -> index(course, addresses));
        snapshot = new Snapshot(Map.copyOf(courses), summaries, digest(versions.toString()), Map.copyOf(addresses));
    }

    @Override
    public Precomputed at(String path) {
        Snapshot current = snapshot;
        return current == null ? null : current.addresses().get(path);
    }

    /** The addresses {@link CourseResource} serves each document at, with its routes, for answering early. */
    private void index(PublishedCourse published, Map<String, Precomputed> addresses) {
        String base = "/api/courses/" + published.course().slug();
        String route = "/api/courses/{slug}";
        addresses.put(base, new Precomputed(route, published.overview(), null));
        addresses.put(
                base + "/agenda", new Precomputed(route + "/agenda", published.agenda(), published.agendaMarkdown()));
        addresses.put(base + "/weeks", new Precomputed(route + "/weeks", published.weeks(), null));
        published
                .week()
                .forEach((number, week) -> addresses.put(
                        base + "/weeks/" + number, new Precomputed(route + "/weeks/{number}", week, null)));
        addresses.put(base + "/homework", new Precomputed(route + "/homework", published.homeworkList(), null));
        published
                .homework()
                .forEach((code, homework) -> addresses.put(
                        base + "/homework/" + code, new Precomputed(route + "/homework/{code}", homework, null)));
        if (published.course().slug().equals(defaultCourse)) {
            addresses.put(
                    "/api/agenda", new Precomputed("/api/agenda", published.agenda(), published.agendaMarkdown()));
        }
    }

    public boolean loaded() {
        return snapshot != null;
    }

    /** The published course, as served: what checklists are derived from. */
    Optional<Course> course(String slug) {
        return find(slug).map(PublishedCourse::course);
    }

    Optional<PublishedCourse> find(String slug) {
        return Optional.ofNullable(current().courses().get(slug));
    }

    Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            throw new IllegalStateException("the course catalog is read before it was loaded");
        }
        return current;
    }

    /**
     * The content version a curriculum entity tag was made from. Every tag starts with it (a hex
     * digest, without hyphens), then may go on after a hyphen with what else the document depends
     * on: the current run's dates, the media type.
     */
    static String contentVersionOf(String entityTag) {
        int hyphen = entityTag.indexOf('-');
        return hyphen < 0 ? entityTag : entityTag.substring(0, hyphen);
    }

    private PublishedCourse publish(Course course) {
        // The documents carry the current run's dates, so their tag changes with the run too.
        String version = course.run() == null
                ? course.version()
                : course.version() + "-"
                        + digest(CourseStore.served(course.version(), course.run()))
                                .substring(0, 8);
        Map<Integer, Representation> weeks = new LinkedHashMap<>();
        for (Week week : course.weeks()) {
            weeks.put(week.number(), json(week, version));
        }
        List<Homework> homeworkList =
                course.weeks().stream().flatMap(w -> w.homework().stream()).toList();
        Map<String, Representation> homework = new LinkedHashMap<>();
        for (Homework item : homeworkList) {
            homework.put(item.code(), json(item, version));
        }
        Representation markdown = new Representation(
                CourseWriter.write(course).getBytes(StandardCharsets.UTF_8),
                MARKDOWN + ";charset=UTF-8",
                version + "-md",
                true);
        return new PublishedCourse(
                course,
                json(CourseViews.CourseOverview.of(course), version),
                agenda(course, version),
                markdown,
                json(course.weeks(), version),
                Map.copyOf(weeks),
                json(homeworkList, version),
                Map.copyOf(homework));
    }

    Representation json(Object value, String version) {
        return new Representation(bytes(value), MediaType.APPLICATION_JSON, version, false);
    }

    /** The agenda's JSON shares its address with the Markdown, so caches must key on Accept. */
    private Representation agenda(Course course, String version) {
        return new Representation(bytes(course), MediaType.APPLICATION_JSON, version, true);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the curriculum", e);
        }
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
