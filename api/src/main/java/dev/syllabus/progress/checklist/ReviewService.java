package dev.syllabus.progress.checklist;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.cohort.CohortCache;
import dev.syllabus.progress.schedule.DeadlineExtensionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;

/**
 * An instructor's decisions on one student's homework: reviews (approve, or request changes) and
 * deadline extensions. Each one changes the student's homework status or lateness, so the course's
 * cohorts are dropped on every one.
 */
@ApplicationScoped
public class ReviewService {

    private final Courses courses;
    private final ChecklistService checklists;
    private final CohortCache cohorts;
    private final ProgressEvents events;

    ReviewService(Courses courses, ChecklistService checklists, CohortCache cohorts, ProgressEvents events) {
        this.courses = courses;
        this.checklists = checklists;
        this.cohorts = cohorts;
        this.events = events;
    }

    /** Records an instructor's decision on a student's homework. */
    @Transactional
    ChecklistViews.Review review(
            String slug, String login, String code, long reviewerId, ChecklistViews.ReviewRequest request) {
        Courses.Ref ref = courses.find(slug);
        AccountEntity student = ChecklistService.student(login);
        ChecklistService.requireEnrolled(ref, student);
        String homework = code.toUpperCase(Locale.ROOT);
        requireHomework(ref, homework);
        return events.homeworkChanges(ref, student.id, () -> record(ref, student, homework, reviewerId, request));
    }

    private ChecklistViews.Review record(
            Courses.Ref ref,
            AccountEntity student,
            String homework,
            long reviewerId,
            ChecklistViews.ReviewRequest request) {
        ReviewEntity review = new ReviewEntity();
        review.courseId = ref.id();
        review.accountId = student.id;
        review.homeworkCode = homework;
        review.reviewerId = reviewerId;
        review.decision = request.decision();
        review.comment = request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip();
        review.at = Instant.now();
        review.persist();
        cohorts.changed(ref.id());
        ProgressEventEntity.record(
                ref.id(), student.id, homework, request.decision().name(), null, reviewerId, review.at);
        events.reviewCreated(ref, student.id, review);
        return new ChecklistViews.Review(review.decision, review.comment, AccountEntity.loginOf(reviewerId), review.at);
    }

    /**
     * Moves one student's deadline for one homework ({@code due} null: back to the run's); the
     * checklist, cohort, calendars and late flags follow.
     */
    @Transactional
    ChecklistViews.HomeworkProgress extend(String slug, String login, String code, Instant due, long instructorId) {
        Courses.Ref ref = courses.find(slug);
        AccountEntity student = ChecklistService.student(login);
        ChecklistService.requireEnrolled(ref, student);
        requireHomework(ref, code);
        events.homeworkChanges(ref, student.id, () -> {
            moveDeadline(ref.id(), student.id, code, due, instructorId);
            return null;
        });
        cohorts.changed(ref.id());
        return checklists.checklist(slug, student.id).homework().stream()
                .filter(h -> h.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static void moveDeadline(long courseId, long studentId, String code, Instant due, long instructorId) {
        DeadlineExtensionEntity extension = DeadlineExtensionEntity.<DeadlineExtensionEntity>find(
                        "courseId = ?1 and accountId = ?2 and homeworkCode = ?3", courseId, studentId, code)
                .firstResult();
        if (due == null) {
            if (extension != null) {
                extension.delete();
            }
        } else {
            if (extension == null) {
                extension = new DeadlineExtensionEntity();
                extension.courseId = courseId;
                extension.accountId = studentId;
                extension.homeworkCode = code;
            }
            extension.dueAt = due;
            extension.grantedBy = instructorId;
            extension.grantedAt = Instant.now();
            extension.persist();
        }
        DeadlineExtensionEntity.flush();
    }

    private static void requireHomework(Courses.Ref ref, String code) {
        if (ref.course().homework().noneMatch(h -> h.code().equals(code))) {
            throw DomainException.notFound("Course '" + ref.course().slug() + "' has no homework " + code + ".");
        }
    }
}
