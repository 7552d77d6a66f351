package dev.syllabus.progress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.ProblemException;

/** The history of checklist changes and reviews in a course, newest first. */
@ApplicationScoped
public class HistoryService {

    private final ChecklistService checklists;

    HistoryService(ChecklistService checklists) {
        this.checklists = checklists;
    }

    record HistoryPage(List<CohortViews.HistoryEntry> entries, long total) {
    }

    @Transactional
    HistoryPage history(String slug, String studentLogin, PageRequest page) {
        long courseId = checklists.course(slug).id();
        var query = studentLogin == null
                ? ProgressEventEntity.<ProgressEventEntity>find("courseId", Sort.descending("at", "id"), courseId)
                : ProgressEventEntity.<ProgressEventEntity>find("courseId = ?1 and accountId = ?2", Sort.descending("at", "id"), courseId,
                        AccountEntity.findByLogin(studentLogin).map(a -> a.id)
                                .orElseThrow(() -> ProblemException.notFound("No student '" + studentLogin + "'.")));
        List<ProgressEventEntity> events = query.page(Page.of(page.page() - 1, page.size())).list();
        Map<Long, String> logins = new HashMap<>();
        List<CohortViews.HistoryEntry> entries = events.stream().map(e -> new CohortViews.HistoryEntry(e.at, login(logins, e.accountId),
                e.itemId, e.action, e.evidenceUrl, e.actorId == null ? null : login(logins, e.actorId))).toList();
        return new HistoryPage(entries, query.count());
    }

    private static String login(Map<Long, String> cache, long id) {
        return cache.computeIfAbsent(id, AccountEntity::loginOf);
    }
}
