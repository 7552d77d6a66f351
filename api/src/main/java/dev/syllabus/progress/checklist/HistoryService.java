package dev.syllabus.progress.checklist;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.content.Course;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Paged;
import dev.syllabus.progress.cohort.CohortViews;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import dev.syllabus.progress.schedule.DeadlineExtensionEntity;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The history of checklist changes and reviews in a course, newest first. */
@ApplicationScoped
public class HistoryService {

    private final Courses courses;

    HistoryService(Courses courses) {
        this.courses = courses;
    }

    @Transactional
    Paged<CohortViews.HistoryEntry> history(String slug, String studentLogin, Page page) {
        Courses.Ref ref = courses.find(slug);
        long courseId = ref.id();
        Long studentId = studentLogin == null
                ? null
                : AccountEntity.findByLogin(studentLogin)
                        .map(a -> a.id)
                        .orElseThrow(() -> DomainException.notFound("No student '" + studentLogin + "'."));
        var query = ProgressEventEntity.newestFirst(courseId, studentId);
        List<ProgressEventEntity> events = query.page(page).list();
        Map<Long, String> logins = new HashMap<>();
        Deadlines deadlines = new Deadlines(ref);
        List<CohortViews.HistoryEntry> entries = events.stream()
                .map(e -> new CohortViews.HistoryEntry(
                        e.at,
                        login(logins, e.accountId),
                        e.itemId,
                        e.action,
                        e.evidenceUrl,
                        e.actorId == null ? null : login(logins, e.actorId),
                        deadlines
                                .due(e.accountId, e.itemId.split("/", 2)[0])
                                .map(e.at::isAfter)
                                .orElse(false),
                        e.note))
                .toList();
        return new Paged<>(entries, query.count());
    }

    /** Each student's due times in their run, extensions included, looked up once per student. */
    private static final class Deadlines {
        private final Courses.Ref ref;
        private final Map<Long, Map<String, Instant>> byStudent = new HashMap<>();
        private final Map<Long, Course> byRun = new HashMap<>();

        Deadlines(Courses.Ref ref) {
            this.ref = ref;
        }

        Optional<Instant> due(long accountId, String homeworkCode) {
            return Optional.ofNullable(
                    byStudent.computeIfAbsent(accountId, this::load).get(homeworkCode));
        }

        private Map<String, Instant> load(long accountId) {
            Long runId =
                    EnrollmentEntity.of(ref.id(), accountId).map(e -> e.runId).orElse(null);
            Course course =
                    runId == null ? ref.course() : byRun.computeIfAbsent(runId, id -> ChecklistService.dated(ref, id));
            Map<String, Instant> due = new HashMap<>();
            course.homework()
                    .filter(h -> h.due() != null)
                    .forEach(h -> due.put(h.code(), h.due().toInstant()));
            due.putAll(DeadlineExtensionEntity.of(ref.id(), accountId));
            return due;
        }
    }

    private static String login(Map<Long, String> cache, long id) {
        return cache.computeIfAbsent(id, AccountEntity::loginOf);
    }
}
