package dev.syllabus.progress;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.course.CourseEntity;

/** A student taking a course. */
@Entity(name = "Enrollment")
@Table(name = "enrollment")
public class EnrollmentEntity extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public CourseEntity course;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public AccountEntity account;
    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;
    /** SHA-256 of a rostered student's personal one-time invite code; null once claimed, or for self-joined students. */
    @Column(name = "invite_hash", length = 64)
    public String inviteHash;

    static java.util.Optional<EnrollmentEntity> of(long courseId, long accountId) {
        return EnrollmentEntity.<EnrollmentEntity>find("course.id = ?1 and account.id = ?2", courseId, accountId).firstResultOptional();
    }

    /** The student's enrolment in the course, made now if there was none. Call within a transaction. */
    static EnrollmentEntity enrol(CourseEntity course, AccountEntity account) {
        return of(course.id, account.id).orElseGet(() -> {
            EnrollmentEntity enrollment = new EnrollmentEntity();
            enrollment.course = course;
            enrollment.account = account;
            enrollment.joinedAt = java.time.Instant.now();
            enrollment.persist();
            return enrollment;
        });
    }

    static boolean exists(long courseId, long accountId) {
        return count("course.id = ?1 and account.id = ?2", courseId, accountId) > 0;
    }

    /**
     * Locks the student's enrolment until the transaction ends, so one student's checklist changes
     * (two devices, a tick and a webhook delivery) happen one after the other: the first tick of an
     * item can then never race another insert of the same row.
     *
     * @return whether the student is enrolled
     */
    static boolean lock(long courseId, long accountId) {
        return find("course.id = ?1 and account.id = ?2", courseId, accountId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional().isPresent();
    }
}
