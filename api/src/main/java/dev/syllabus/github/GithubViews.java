package dev.syllabus.github;

import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.progress.checklist.RepositoryOwners;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

final class GithubViews {

    private GithubViews() {}

    record DeliveryResult(String delivery, String outcome, String detail) {}

    record Delivery(
            String delivery,
            String event,
            String action,
            String repository,
            Instant receivedAt,
            String outcome,
            String detail) {

        static Delivery of(DeliveryEntity row) {
            return new Delivery(
                    row.deliveryId, row.event, row.action, row.repository, row.receivedAt, row.outcome, row.detail);
        }
    }

    record RepositoryRequest(@NotBlank @Size(max = 200) String url) {}

    record OwnerDecision(@NotNull RepositoryOwners.Proof decision) {}

    record Repository(String fullName, String url) {}

    record PullRequest(
            int number,
            String url,
            String title,

            String item,

            String state,

            String checks,

            String review,

            Instant updatedAt) {

        static PullRequest of(PullRequestEntity row, EvidencePolicy policy) {
            PullRequestFacts facts = row.facts();
            return new PullRequest(
                    row.number,
                    row.url,
                    row.title,
                    row.itemId,
                    row.state.name(),
                    facts.currentChecks(policy).name(),
                    facts.currentReview().name(),
                    row.updatedAt);
        }
    }

    record AssignRequest(@NotBlank @Size(max = 60) String item) {}
}
