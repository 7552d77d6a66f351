package dev.syllabus.course;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import dev.syllabus.content.Course;

/** Writes imported courses to the database and reads them back for the read model. */
@ApplicationScoped
public class CourseStore {

    private static final Logger LOG = Logger.getLogger(CourseStore.class);

    private final CurriculumMapper mapper;
    private final EntityManager entityManager;

    CourseStore(CurriculumMapper mapper, EntityManager entityManager) {
        this.mapper = mapper;
        this.entityManager = entityManager;
    }

    /**
     * Stores {@code course}, read from content files (its version is their digest), unless those
     * files were imported already. A changed course replaces the old one in a single transaction,
     * so readers see either the old course or the new one, never a mix.
     *
     * @return whether anything was written
     */
    @Transactional
    public boolean save(Course course, String origin) {
        CourseEntity row = CourseEntity.findForUpdate(course.slug()).orElse(null);
        if (row != null && course.version().equals(row.sourceVersion)) {
            LOG.debugf("Course %s is unchanged at version %s", course.slug(), course.version());
            return false;
        }
        row = replace(row, course, origin);
        row.sourceVersion = course.version();
        LOG.infof("Imported course %s at version %s from %s", course.slug(), course.version(), origin);
        return true;
    }

    /** Replaces an existing course with uploaded content, in one transaction; false when there is no such course. */
    @Transactional
    public boolean upload(Course course) {
        CourseEntity row = CourseEntity.findForUpdate(course.slug()).orElse(null);
        if (row == null) {
            return false;
        }
        replace(row, course, "upload");
        LOG.infof("Course %s replaced by an upload, now at version %s", course.slug(), course.version());
        return true;
    }

    private CourseEntity replace(CourseEntity existing, Course course, String origin) {
        CourseEntity row = existing == null ? new CourseEntity() : existing;
        if (existing != null) {
            // Remove the old weeks before inserting new ones: Hibernate inserts before it deletes orphans.
            row.weeks.clear();
            entityManager.flush();
        }
        mapper.fill(row, course, origin);
        row.persist();
        return row;
    }

    /** Every stored course's slug and content version: what the read model must match. */
    @Transactional
    public java.util.Map<String, String> versions() {
        List<Object[]> rows = entityManager.createQuery("select c.slug, c.version from Course c", Object[].class).getResultList();
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
    }

    @Transactional
    public List<Course> loadAll() {
        List<CourseEntity> rows = CourseEntity.listAll(Sort.by("slug"));
        return rows.stream().map(mapper::course).toList();
    }
}
