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
     * Stores {@code course} (which carries its content version) unless that version is already
     * stored. A changed course replaces the old one in a single transaction, so readers see
     * either the old course or the new one, never a mix.
     *
     * @return whether anything was written
     */
    @Transactional
    public boolean save(Course course, String origin) {
        CourseEntity row = CourseEntity.findForUpdate(course.slug()).orElse(null);
        if (row != null && row.version.equals(course.version())) {
            LOG.debugf("Course %s is unchanged at version %s", course.slug(), course.version());
            return false;
        }
        if (row == null) {
            row = new CourseEntity();
        } else {
            // Remove the old weeks before inserting new ones: Hibernate inserts before it deletes orphans.
            row.weeks.clear();
            entityManager.flush();
        }
        mapper.fill(row, course, origin);
        row.persist();
        LOG.infof("Imported course %s at version %s from %s", course.slug(), course.version(), origin);
        return true;
    }

    @Transactional
    public List<Course> loadAll() {
        List<CourseEntity> rows = CourseEntity.listAll(Sort.by("slug"));
        return rows.stream().map(mapper::course).toList();
    }
}
