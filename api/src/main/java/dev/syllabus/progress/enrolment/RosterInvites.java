package dev.syllabus.progress.enrolment;

import dev.syllabus.account.AccountService;
import dev.syllabus.account.Tokens;
import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.progress.checklist.ProgressEntity;
import dev.syllabus.progress.checklist.ProgressEventEntity;
import dev.syllabus.progress.cohort.CohortCache;
import dev.syllabus.progress.cohort.SpreadsheetCsv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Personal invites for the rostered students nobody has claimed yet, and what follows when who holds
 * an account is settled (GitHub proved it, or an instructor reset it).
 */
@ApplicationScoped
public class RosterInvites {

    private final Courses courses;
    private final CohortCache cohorts;
    private final String publicUrl;

    RosterInvites(Courses courses, CohortCache cohorts, SyllabusConfig config) {
        this.courses = courses;
        this.cohorts = cohorts;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** The rostered students of the course nobody has claimed yet (no password, no GitHub), by login. */
    @Transactional
    List<EnrollmentViews.Invite> pendingInvites(String slug) {
        return unclaimed(courses.row(slug), null).stream()
                .map(e -> new EnrollmentViews.Invite(
                        e.account.login, e.account.name, e.account.email, e.inviteHash != null, null, null))
                .toList();
    }

    /**
     * New invite codes for the rostered students nobody has claimed (or for {@code login} alone): the
     * earlier codes of those students stop working.
     */
    @Transactional
    List<EnrollmentViews.Invite> issueInvites(String slug, String login) {
        List<EnrollmentEntity> unclaimed = unclaimed(courses.row(slug), login);
        if (login != null && unclaimed.isEmpty()) {
            throw DomainException.notFound(login + " is not a rostered student who has yet to join this course.");
        }
        List<EnrollmentViews.Invite> invites = new ArrayList<>();
        for (EnrollmentEntity enrollment : unclaimed) {
            String code = CourseRuns.randomCode(12);
            enrollment.inviteHash = Tokens.digest(code);
            String student = enrollment.account.login;
            invites.add(new EnrollmentViews.Invite(
                    student,
                    enrollment.account.name,
                    enrollment.account.email,
                    true,
                    code,
                    publicUrl + "/signin?course=" + slug + "&login=" + student + "&invite=" + code));
        }
        return invites;
    }

    static String csv(List<EnrollmentViews.Invite> invites) {
        return SpreadsheetCsv.write(
                List.of("login", "name", "invite", "link"),
                invites.stream()
                        .map(i -> List.of(i.login(), i.name() == null ? "" : i.name(), i.invite(), i.link()))
                        .toList());
    }

    private static List<EnrollmentEntity> unclaimed(CourseEntity course, String login) {
        String unclaimed =
                "course.id = ?1 and rostered = true and account.passwordHash is null and account.githubId is null";
        return login == null
                ? EnrollmentEntity.list(unclaimed + " order by account.login", course.id)
                : EnrollmentEntity.list(unclaimed + " and account.login = ?2", course.id, login);
    }

    /**
     * Who holds an account was settled (GitHub proved it, or an instructor reset it): invites issued
     * for it stop working; and where its unproven holder goes, so do its calendar address and its
     * own ticks (the ones nobody else vouched for), each untick kept in the history.
     */
    void onSettled(@Observes AccountService.Settled claimed) {
        EnrollmentEntity.voidInvites(claimed.accountId());
        if (!claimed.dropUnprovenHolder()) {
            return;
        }
        EnrollmentEntity.dropCalendarTokens(claimed.accountId());
        Instant now = Instant.now();
        List<ProgressEntity> selfTicks = ProgressEntity.list(
                "accountId = ?1 and source = ?2 and done = true", claimed.accountId(), ProgressEntity.Source.STUDENT);
        for (ProgressEntity tick : selfTicks) {
            ProgressEventEntity.record(tick.courseId, tick.accountId, tick.itemId, "UNDONE", null, null, now);
            // Unticked rather than deleted: the row's version goes on, so no tag the squatter held matches again.
            tick.done = false;
            tick.completedAt = null;
            tick.evidenceUrl = null;
            tick.updatedAt = now;
            tick.updatedBy = null;
            tick.version++;
            cohorts.changed(tick.courseId);
        }
    }
}
