package dev.syllabus.progress.schedule;

import dev.syllabus.account.Tokens;
import dev.syllabus.content.Course;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.progress.checklist.ChecklistService;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Calendars: a run's public one, and each student's private feed (their homework with their own
 * due dates and progress) behind an address only they know ({@link CalendarFeeds}).
 */
@ApplicationScoped
public class CalendarService {

    private final Courses courses;
    private final ChecklistService checklists;
    private final CalendarFeeds feeds;

    CalendarService(Courses courses, ChecklistService checklists, CalendarFeeds feeds) {
        this.courses = courses;
        this.checklists = checklists;
        this.feeds = feeds;
    }

    /** A new address for the student's calendar feed, shown in this answer only; the old one stops working. */
    @Transactional
    public String newCalendarUrl(String slug, long accountId) {
        Courses.Ref ref = courses.find(slug);
        EnrollmentEntity enrollment =
                EnrollmentEntity.of(ref.id(), accountId).orElseThrow(() -> ChecklistService.notEnrolled(ref));
        // Only the digest is kept, as for bearer tokens: the address is in this answer alone.
        String token = CalendarFeeds.newToken();
        enrollment.calendarToken = Tokens.digest(token);
        return feeds.url(token);
    }

    /** The private calendar feed behind {@code token}, or empty when no enrolment has it. */
    @Transactional
    Optional<String> calendarFeed(String token) {
        return EnrollmentEntity.withCalendarToken(Tokens.digest(token)).map(enrollment -> {
            Courses.Ref ref = courses.find(enrollment.course.slug);
            Course dated = ChecklistService.dated(ref, enrollment.runId);
            return Calendars.student(
                    dated, checklists.checklist(ref, dated, enrollment.account), feeds.host(), Instant.now());
        });
    }

    /** The public calendar of a run of the course (the current one when {@code run} is null). */
    @Transactional
    String courseCalendar(String slug, CourseRunEntity run) {
        Courses.Ref ref = courses.find(slug);
        return Calendars.course(
                run == null ? ref.course() : CourseRuns.in(ref.course(), run.dates()), feeds.host(), Instant.now());
    }
}
