package dev.syllabus.github;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.domain.Paged;
import dev.syllabus.progress.checklist.PullRequestStates;
import dev.syllabus.progress.checklist.RepositoryOwners;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What GitHub has proven, for the checklists and the cohort to show: each student's pull requests
 * matched to items (state, checks, review, as the course's evidence policy reads them), whose
 * repository is whose, and the deliveries received.
 */
@ApplicationScoped
public class GithubFacts implements PullRequestStates, RepositoryOwners {

    private final EvidenceCredits credits;

    GithubFacts(EvidenceCredits credits) {
        this.credits = credits;
    }

    @Transactional
    Paged<GithubViews.Delivery> deliveries(Page page) {
        List<GithubViews.Delivery> rows =
                DeliveryEntity.<DeliveryEntity>findAll(Sort.descending("receivedAt", "id")).page(page).list().stream()
                        .map(GithubViews.Delivery::of)
                        .toList();
        return new Paged<>(rows, DeliveryEntity.count());
    }

    @Override
    @Transactional
    public Map<String, PullRequestState> byItem(long courseId, long accountId) {
        EvidencePolicy policy = credits.policy(courseId);
        return PullRequestEntity.matchedOf(courseId, accountId).stream()
                .collect(Collectors.toMap(p -> p.itemId, p -> state(p, policy), (older, newer) -> newer));
    }

    private static PullRequestState state(PullRequestEntity row, EvidencePolicy policy) {
        PullRequestFacts facts = row.facts();
        return new PullRequestState(
                row.number,
                row.url,
                row.state.name(),
                facts.currentChecks(policy).name(),
                facts.currentReview().name());
    }

    @Override
    @Transactional
    public Map<Long, RepositoryOwner> ofCourse(long courseId) {
        Map<Long, RepositoryOwner> owners = new HashMap<>();
        GithubRepositoryEntity.owned("r.courseId = ?1", courseId).forEach(o -> owners.put(o.accountId(), o.owner()));
        return owners;
    }

    @Override
    @Transactional
    public Optional<RepositoryOwner> of(long courseId, long accountId) {
        return GithubRepositoryEntity.owned("r.courseId = ?1 and r.accountId = ?2", courseId, accountId).stream()
                .findFirst()
                .map(Owned::owner);
    }

    /** A registered repository with what the proof needs of its student, read in one query. */
    record Owned(long accountId, String fullName, String decision, Long studentGithubId, String studentLogin) {
        RepositoryOwner owner() {
            return new RepositoryOwner(
                    fullName,
                    RepositoryOwner.proof(
                            decision,
                            studentGithubId != null,
                            fullName.substring(0, fullName.indexOf('/')),
                            studentLogin));
        }
    }

    /** Who proved {@code repository} is {@code student}'s. */
    static RepositoryOwner owner(GithubRepositoryEntity repository, AccountEntity student) {
        return new Owned(
                        repository.accountId,
                        repository.fullName,
                        repository.ownerDecision,
                        student.githubId,
                        student.login)
                .owner();
    }
}
