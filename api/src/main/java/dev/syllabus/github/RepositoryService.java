package dev.syllabus.github;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.syllabus.http.ProblemException;
import dev.syllabus.progress.ChecklistService;

/** Students register their course repository and assign unmatched pull requests to tasks by hand. */
@ApplicationScoped
public class RepositoryService {

    private static final Pattern REPOSITORY = Pattern.compile(
            "https://github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100}?)(?:\\.git)?/?");

    private final ChecklistService checklists;
    private final GithubService github;

    RepositoryService(ChecklistService checklists, GithubService github) {
        this.checklists = checklists;
        this.github = github;
    }

    @Transactional
    GithubViews.Repository register(String slug, long accountId, String url) {
        Matcher match = REPOSITORY.matcher(url.strip());
        if (!match.matches()) {
            throw ProblemException.invalidField("url", "must be a GitHub repository URL: https://github.com/{owner}/{repo}");
        }
        long courseId = checklists.courseId(slug);
        String fullName = (match.group(1) + "/" + match.group(2)).toLowerCase(Locale.ROOT);
        GithubRepositoryEntity taken = GithubRepositoryEntity.<GithubRepositoryEntity>find("fullName", fullName).firstResult();
        if (taken != null && taken.accountId != accountId) {
            throw ProblemException.conflict("Repository " + fullName + " is registered by another student.");
        }
        GithubRepositoryEntity mine = GithubRepositoryEntity.<GithubRepositoryEntity>find("courseId = ?1 and accountId = ?2", courseId, accountId)
                .firstResult();
        if (mine == null) {
            mine = new GithubRepositoryEntity();
            mine.courseId = courseId;
            mine.accountId = accountId;
        }
        mine.fullName = fullName;
        mine.registeredAt = Instant.now();
        mine.persist();
        return new GithubViews.Repository(fullName, "https://github.com/" + fullName);
    }

    @Transactional
    List<GithubViews.PullRequest> pullRequests(String slug, long accountId) {
        long courseId = checklists.courseId(slug);
        return PullRequestEntity.<PullRequestEntity>list("courseId = ?1 and accountId = ?2 order by number", courseId, accountId)
                .stream().map(GithubViews.PullRequest::of).toList();
    }

    /** Assigns one of the student's pull requests to a task by hand; the convention no longer overrides it. */
    @Transactional
    GithubViews.PullRequest assign(String slug, long accountId, int number, String item) {
        long courseId = checklists.courseId(slug);
        PullRequestEntity row = PullRequestEntity.<PullRequestEntity>find("courseId = ?1 and accountId = ?2 and number = ?3",
                courseId, accountId, number).firstResult();
        if (row == null) {
            throw ProblemException.notFound("You have no pull request #" + number + " in this course.");
        }
        String id = item.strip().toUpperCase(Locale.ROOT);
        if (!checklists.itemIds(slug).contains(id) || !id.contains("/PR")) {
            throw ProblemException.invalidField("item", "must be a pull-request task of this course, such as H3/PR2");
        }
        row.itemId = id;
        row.assignedByHand = true;
        github.complete(row);
        return GithubViews.PullRequest.of(row);
    }
}
