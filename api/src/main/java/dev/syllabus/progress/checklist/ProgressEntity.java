package dev.syllabus.progress.checklist;

import dev.syllabus.progress.enrolment.EnrollmentEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

/** One student's state of one checklist item; {@code version} counts its changes, for If-Match. */
@Entity(name = "Progress")
public class ProgressEntity extends PanacheEntity {

    public long courseId;

    public long accountId;

    @Column(length = 60)
    public String itemId;

    public boolean done;

    @Column(length = 2000)
    public String evidenceUrl;

    public int version;

    public Instant updatedAt;

    public Long updatedBy;
    /** When the item was done: the merge time GitHub reports for a pull request, else the tick's; null while not done. */
    public Instant completedAt;
    /** Who vouches for the current state: the student, GitHub (a delivery proved it) or an instructor. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Source source = Source.STUDENT;

    public enum Source {
        STUDENT,
        GITHUB,
        INSTRUCTOR
    }

    /** The student's state of one item, if it has one. */
    static PanacheQuery<ProgressEntity> ofItem(long courseId, long accountId, String itemId) {
        return find("courseId = ?1 and accountId = ?2 and itemId = ?3", courseId, accountId, itemId);
    }

    /** Every item state the student has in the course. */
    static List<ProgressRow> ofStudent(long courseId, long accountId) {
        return rows("p.courseId = ?1 and p.accountId = ?2", courseId, accountId);
    }

    /** Every item state of the students of a course's run. */
    public static List<ProgressRow> ofRun(long courseId, long runId) {
        return rows("p.courseId = ?1 and p.accountId in " + EnrollmentEntity.STUDENTS_OF_RUN, courseId, runId);
    }

    private static List<ProgressRow> rows(String where, Object... parameters) {
        var query = getEntityManager()
                .createQuery(
                        "select new dev.syllabus.progress.checklist.ProgressRow(p.accountId, p.itemId, p.done, p.evidenceUrl,"
                                + " p.version, p.updatedAt, p.completedAt, p.source) from Progress p where " + where,
                        ProgressRow.class)
                // In batches: the driver otherwise holds every row of a cohort as bytes until the last
                // arrives, long enough to be promoted to the old generation of a small heap.
                .setHint(HibernateHints.HINT_FETCH_SIZE, 500);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** This row as a plain value. */
    ProgressRow row() {
        return new ProgressRow(accountId, itemId, done, evidenceUrl, version, updatedAt, completedAt, source);
    }
}
