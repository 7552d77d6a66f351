package dev.syllabus.progress.enrolment;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.course.CourseEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A student taking a course. */
@Entity(name = "Enrollment")
public class EnrollmentEntity extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public CourseEntity course;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public AccountEntity account;

    public Instant joinedAt;
    /** SHA-256 of a rostered student's personal one-time invite code; null once claimed, or for self-joined students. */
    @Column(length = 64)
    public String inviteHash;
    /** Whether the course's roster names the student (an instructor vouched for the login), rather than a self-join. */
    public boolean rostered;
    /** The run the student takes; set for every enrolment (see CourseStore.ensureRun for older ones). */
    public Long runId;
    /**
     * The secret in the address of the student's private calendar feed. Kept as it is, unlike
     * passwords and bearer tokens, because the checklist hands the address out again on every
     * read (calendar apps cannot send headers); it opens only that read-only feed, of data the
     * database holds anyway, and replacing it revokes the old address.
     */
    @Column(length = 64)
    public String calendarToken;

    /** HQL: the account ids of the students of course {@code ?1}'s run {@code ?2}, for an {@code in (...)}. */
    public static final String STUDENTS_OF_RUN =
            "(select e.account.id from Enrollment e where e.course.id = ?1 and e.runId = ?2)";

    /** A student of a run, as a cohort shows them; {@code verified}: GitHub has proven their login. */
    public record Student(long accountId, String login, String name, String email, boolean verified) {}

    /** The students of a course's run, read as values (no entities: a run may have thousands). */
    public static List<Student> studentsOf(long courseId, long runId) {
        return getEntityManager()
                .createQuery(
                        "select a.id, a.login, a.name, a.email, a.githubId is not null from Enrollment e join e.account a"
                                + " where e.course.id = ?1 and e.runId = ?2",
                        Student.class)
                .setParameter(1, courseId)
                .setParameter(2, runId)
                .getResultList();
    }

    public static Optional<EnrollmentEntity> of(long courseId, long accountId) {
        return EnrollmentEntity.<EnrollmentEntity>find("course.id = ?1 and account.id = ?2", courseId, accountId)
                .firstResultOptional();
    }

    /**
     * The student's enrolment in the course, in {@code runId}, made now if there was none. A student
     * takes one run of a course at a time: joining another run (a retake) moves the enrolment, and
     * the checklist comes along. Call within a transaction.
     */
    static EnrollmentEntity enrol(CourseEntity course, AccountEntity account, long runId) {
        EnrollmentEntity enrollment = of(course.id, account.id).orElseGet(() -> {
            EnrollmentEntity fresh = new EnrollmentEntity();
            fresh.course = course;
            fresh.account = account;
            fresh.joinedAt = Instant.now();
            return fresh;
        });
        enrollment.runId = runId;
        enrollment.persist();
        return enrollment;
    }

    public static boolean exists(long courseId, long accountId) {
        return count("course.id = ?1 and account.id = ?2", courseId, accountId) > 0;
    }

    /**
     * Locks the student's enrolment until the transaction ends. Taken when an item has no progress
     * row yet (see ChecklistMarks.mark), so two first ticks of one item (two devices, a tick and a
     * webhook delivery) take turns and never both insert the row.
     *
     * @return whether the student is enrolled
     */
    public static boolean lock(long courseId, long accountId) {
        return find("course.id = ?1 and account.id = ?2", courseId, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .isPresent();
    }

    /** The enrolment whose private calendar address has this digest. */
    public static Optional<EnrollmentEntity> withCalendarToken(String digest) {
        return find("calendarToken", digest).firstResultOptional();
    }

    /** Whether the account is on any course's roster. */
    public static boolean rosteredAnywhere(long accountId) {
        return count("account.id = ?1 and rostered = true", accountId) > 0;
    }

    /** Invites issued for the account stop working. */
    public static void voidInvites(long accountId) {
        update("inviteHash = null where account.id = ?1", accountId);
    }

    /** The account's private calendar addresses stop working. */
    public static void dropCalendarTokens(long accountId) {
        update("calendarToken = null where account.id = ?1", accountId);
    }
}
