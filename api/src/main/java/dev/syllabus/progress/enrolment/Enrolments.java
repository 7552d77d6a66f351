package dev.syllabus.progress.enrolment;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.events.EventType;
import dev.syllabus.progress.checklist.ProgressEvents;
import dev.syllabus.progress.cohort.CohortCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Who is in a course: enrolments made (by joining or a roster) and removed (by an instructor). */
@ApplicationScoped
public class Enrolments {

    private final Courses courses;
    private final ProgressEvents events;
    private final CohortCache cohorts;

    Enrolments(Courses courses, ProgressEvents events, CohortCache cohorts) {
        this.courses = courses;
        this.events = events;
        this.cohorts = cohorts;
    }

    /**
     * The account's enrolment in the course, in run {@code runId}: made now if there was none (and
     * told as {@code enrollment.created}), or moved to that run. Call within a transaction.
     */
    public EnrollmentEntity enrol(CourseEntity course, AccountEntity account, long runId) {
        boolean fresh = !EnrollmentEntity.exists(course.id, account.id);
        EnrollmentEntity enrollment = EnrollmentEntity.enrol(course, account, runId);
        if (fresh) {
            CourseRunEntity run = CourseRunEntity.findById(runId);
            events.enrollment(EventType.ENROLLMENT_CREATED, courses.find(course.slug), run.name, account.login);
        }
        cohorts.changed(course.id);
        return enrollment;
    }

    /**
     * Takes a student out of a course: they leave its cohort, gradebook and calendar, and can no
     * longer change their checklist. What they did stays in the database and the history: joining
     * again brings their checklist back.
     */
    @Transactional
    void remove(String slug, String login) {
        Courses.Ref ref = courses.find(slug);
        EnrollmentEntity enrollment = AccountEntity.findByLogin(login)
                .flatMap(account -> EnrollmentEntity.of(ref.id(), account.id))
                .orElseThrow(() -> DomainException.notFound("No student '" + login + "' in course '" + slug + "'."));
        String run = events.runOf(ref.id(), enrollment.account.id);
        enrollment.delete();
        events.enrollment(EventType.ENROLLMENT_REMOVED, ref, run, login);
        cohorts.changed(ref.id());
    }
}
