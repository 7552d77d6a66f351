package dev.syllabus.github;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.progress.checklist.ChecklistMarks;
import dev.syllabus.progress.checklist.ChecklistService;
import dev.syllabus.progress.checklist.RepositoryOwners;
import dev.syllabus.progress.cohort.CohortCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Students register their course repository and assign unmatched pull requests to tasks by hand. */
@ApplicationScoped
public class RepositoryService {

    private static final Pattern REPOSITORY = Pattern.compile(Names.GITHUB_REPOSITORY_URL + "(?:\\.git)?/?");

    private final ChecklistService checklists;
    private final ChecklistMarks marks;
    private final Courses courses;
    private final EvidenceCredits credits;
    private final CohortCache cohorts;

    RepositoryService(
            ChecklistService checklists,
            ChecklistMarks marks,
            Courses courses,
            EvidenceCredits credits,
            CohortCache cohorts) {
        this.checklists = checklists;
        this.marks = marks;
        this.courses = courses;
        this.credits = credits;
        this.cohorts = cohorts;
    }

    /**
     * Registers the student's course repository. A student may register only a repository they own
     * (its owner is their login); an instructor may register any, for organisation-owned ones. A
     * repository registered by someone else moves to its rightful student, with the pull requests
     * tracked in it and their credit.
     */
    @Transactional
    GithubViews.Repository register(String slug, long accountId, String url, boolean byInstructor) {
        Matcher match = REPOSITORY.matcher(url.strip());
        if (!match.matches()) {
            throw DomainException.invalid("url", "must be a GitHub repository URL: https://github.com/{owner}/{repo}");
        }
        long courseId = courses.id(slug);
        String owner = match.group(1).toLowerCase(Locale.ROOT);
        String fullName = (owner + "/" + match.group(2)).toLowerCase(Locale.ROOT);
        String student = AccountEntity.loginOf(accountId);
        if (!byInstructor && !credits.provenEnough(accountId)) {
            throw DomainException.forbidden(
                    "Sign in with GitHub first: only a login GitHub has proven can register a repository.");
        }
        if (!byInstructor && !owner.equalsIgnoreCase(student)) {
            throw DomainException.forbidden("You can register only a repository you own (https://github.com/" + student
                    + "/...); an instructor can register another one for you.");
        }
        GithubRepositoryEntity mine = GithubRepositoryEntity.<GithubRepositoryEntity>find(
                        "courseId = ?1 and accountId = ?2", courseId, accountId)
                .firstResult();
        GithubRepositoryEntity taken = GithubRepositoryEntity.named(fullName);
        if (taken != null && taken.accountId != accountId) {
            long previous = taken.accountId;
            taken.delete();
            GithubRepositoryEntity.flush();
            movePullRequests(slug, fullName, previous, accountId);
        }
        if (mine == null) {
            mine = new GithubRepositoryEntity();
            mine.courseId = courseId;
            mine.accountId = accountId;
        }
        if (!fullName.equals(mine.fullName) || byInstructor) {
            // An instructor who registers a repository vouches for it; a student's new one starts unproven.
            mine.ownerDecision = byInstructor ? RepositoryOwners.Proof.CONFIRMED.name() : null;
        }
        if (!fullName.equals(mine.fullName)) {
            mine.githubId = null;
        }
        mine.fullName = fullName;
        mine.registeredAt = Instant.now();
        mine.persist();
        return new GithubViews.Repository(fullName, "https://github.com/" + fullName);
    }

    /**
     * An instructor confirms or rejects a student's registered repository as theirs. Rejected, it
     * earns nothing: the ticks its pull requests gave are withdrawn; confirmed again, they return.
     */
    @Transactional
    RepositoryOwners.RepositoryOwner decide(String slug, String login, RepositoryOwners.Proof decision) {
        if (decision != RepositoryOwners.Proof.CONFIRMED && decision != RepositoryOwners.Proof.REJECTED) {
            throw DomainException.invalid("decision", "must be CONFIRMED or REJECTED");
        }
        long courseId = courses.id(slug);
        AccountEntity student = AccountEntity.findByLogin(login)
                .filter(a -> a.role == Role.STUDENT)
                .orElseThrow(() -> DomainException.notFound("No student '" + login + "'."));
        GithubRepositoryEntity repository = GithubRepositoryEntity.<GithubRepositoryEntity>find(
                        "courseId = ?1 and accountId = ?2", courseId, student.id)
                .firstResult();
        if (repository == null) {
            throw DomainException.notFound("'" + student.login + "' has registered no repository in this course.");
        }
        repository.ownerDecision = decision.name();
        for (PullRequestEntity row : PullRequestEntity.<PullRequestEntity>list(
                "fullName = ?1 and accountId = ?2", repository.fullName, student.id)) {
            if (row.itemId == null) {
                continue;
            }
            if (decision == RepositoryOwners.Proof.REJECTED) {
                marks.withdrawEvidence(slug, student.id, row.itemId, row.url);
            } else {
                credits.complete(row);
            }
        }
        cohorts.changed(courseId);
        return GithubFacts.owner(repository, student);
    }

    /** An instructor registers a repository for a student: any repository, organisation-owned ones included. */
    @Transactional
    GithubViews.Repository registerForStudent(String slug, String login, String url) {
        AccountEntity student = AccountEntity.findByLogin(login)
                .filter(a -> a.role == Role.STUDENT)
                .orElseThrow(() -> DomainException.notFound("No student '" + login + "'."));
        return register(slug, student.id, url, true);
    }

    /** The pull requests tracked in a repository, and the ticks they earned, go to the student it now belongs to. */
    private void movePullRequests(String slug, String fullName, long from, long to) {
        for (PullRequestEntity row : PullRequestEntity.inRepository(fullName)) {
            if (row.itemId != null) {
                marks.withdrawEvidence(slug, from, row.itemId, row.url);
            }
            row.accountId = to;
            credits.complete(row);
        }
    }

    @Transactional
    List<GithubViews.PullRequest> pullRequests(String slug, long accountId) {
        long courseId = courses.id(slug);
        EvidencePolicy policy = credits.policy(courseId);
        return PullRequestEntity.<PullRequestEntity>list(
                        "courseId = ?1 and accountId = ?2 order by number", courseId, accountId)
                .stream()
                .map(row -> GithubViews.PullRequest.of(row, policy))
                .toList();
    }

    /** Assigns one of the student's pull requests to a task by hand; the convention no longer overrides it. */
    @Transactional
    GithubViews.PullRequest assign(String slug, long accountId, int number, String item) {
        long courseId = courses.id(slug);
        PullRequestEntity row = PullRequestEntity.<PullRequestEntity>find(
                        "courseId = ?1 and accountId = ?2 and number = ?3", courseId, accountId, number)
                .firstResult();
        if (row == null) {
            throw DomainException.notFound("You have no pull request #" + number + " in this course.");
        }
        String id = item.strip().toUpperCase(Locale.ROOT);
        if (!checklists.itemIds(slug).contains(id) || !id.contains("/PR")) {
            throw DomainException.invalid("item", "must be a pull-request task of this course, such as H3/PR2");
        }
        if (row.itemId != null && !row.itemId.equals(id)) {
            // One pull request credits one task: moving it takes its tick along.
            marks.withdrawEvidence(slug, accountId, row.itemId, row.url);
        }
        row.itemId = id;
        row.assignedByHand = true;
        EvidenceCredits.Credit credit = credits.complete(row);
        if (credit.refusal() != null) {
            throw DomainException.conflict(
                    "Pull request #" + number + " cannot count for " + id + ": " + credit.refusal() + ".");
        }
        return GithubViews.PullRequest.of(row, credits.policy(courseId));
    }
}
