package dev.syllabus.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.syllabus.content.Course;
import dev.syllabus.content.CourseWriter;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Week;
import dev.syllabus.http.Representation;

/**
 * The read model: every course's documents, serialised once per content version and served from
 * memory, so that a read never touches the database. The entity tag of each document is the
 * course's content version, which every replica derives from the same content.
 */
@ApplicationScoped
public class CourseCatalog {

    public static final String MARKDOWN = "text/markdown";

    private final CourseStore store;
    private final ObjectMapper json;
    private volatile Snapshot snapshot;

    /** The published courses and the list of them, swapped as one. */
    record Snapshot(Map<String, PublishedCourse> courses, List<CourseViews.CourseSummary> summaries, String listVersion) {
    }

    CourseCatalog(CourseStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Rebuilds the read model from the database; readers keep the previous one until the swap. */
    public void reload() {
        Map<String, PublishedCourse> courses = new LinkedHashMap<>();
        for (Course course : store.loadAll()) {
            courses.put(course.slug(), publish(course));
        }
        List<CourseViews.CourseSummary> summaries = courses.values().stream()
                .map(p -> CourseViews.CourseSummary.of(p.course())).toList();
        StringBuilder versions = new StringBuilder();
        summaries.forEach(s -> versions.append(s.slug()).append('@').append(s.version()).append('\n'));
        snapshot = new Snapshot(Map.copyOf(courses), summaries, digest(versions.toString()));
    }

    public boolean loaded() {
        return snapshot != null;
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

    private PublishedCourse publish(Course course) {
        String version = course.version();
        Map<Integer, Representation> weeks = new LinkedHashMap<>();
        for (Week week : course.weeks()) {
            weeks.put(week.number(), json(week, version));
        }
        List<Homework> homeworkList = course.weeks().stream().flatMap(w -> w.homework().stream()).toList();
        Map<String, Representation> homework = new LinkedHashMap<>();
        for (Homework item : homeworkList) {
            homework.put(item.code(), json(item, version));
        }
        Representation markdown = new Representation(CourseWriter.write(course).getBytes(StandardCharsets.UTF_8),
                MARKDOWN + ";charset=UTF-8", new EntityTag(version + "-md"));
        return new PublishedCourse(course, json(CourseViews.CourseOverview.of(course), version), json(course, version),
                markdown, json(course.weeks(), version), Map.copyOf(weeks), json(homeworkList, version), Map.copyOf(homework));
    }

    Representation json(Object value, String version) {
        try {
            return new Representation(json.writeValueAsBytes(value), MediaType.APPLICATION_JSON, new EntityTag(version));
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
