package dev.syllabus.github;

import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.progress.RepositoryOwners;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class GithubViews {

    private GithubViews() {}

    @Schema(name = "DeliveryResult", description = "What the webhook did with a delivery.")
    record DeliveryResult(
            @Schema(example = "72d3162e-cc78-11e3-81ab-4c9367dc0958")
            String delivery,

            @Schema(description = "PROCESSED, IGNORED or DUPLICATE")
            String outcome,

            @Schema(nullable = true, example = "octocat/ml-in-production#7 MERGED for H3/PR2; H3/PR2 done")
            String detail) {}

    @Schema(name = "Delivery", description = "A webhook delivery as received, and what came of it.")
    record Delivery(
            String delivery,
            String event,
            @Schema(nullable = true) String action,
            @Schema(nullable = true) String repository,
            Instant receivedAt,
            String outcome,
            @Schema(nullable = true) String detail) {

        static Delivery of(DeliveryEntity row) {
            return new Delivery(
                    row.deliveryId, row.event, row.action, row.repository, row.receivedAt, row.outcome, row.detail);
        }
    }

    @Schema(name = "RepositoryRequest")
    record RepositoryRequest(
            @NotBlank @Size(max = 200) @Schema(example = "https://github.com/octocat/ml-in-production")
            String url) {}

    @Schema(name = "OwnerDecision", description = "An instructor's decision on a student's registered repository.")
    record OwnerDecision(
            @NotNull
            @Schema(
                    description = "CONFIRMED: it is the student's; REJECTED: it is not, and earns nothing",
                    enumeration = {"CONFIRMED", "REJECTED"})
            RepositoryOwners.Proof decision) {}

    @Schema(name = "Repository", description = "A student's registered course repository.")
    record Repository(
            @Schema(example = "octocat/ml-in-production") String fullName, String url) {}

    @Schema(name = "PullRequest", description = "A pull request in the student's repository, as GitHub reported it.")
    record PullRequest(
            int number,
            String url,
            String title,

            @Schema(
                    nullable = true,
                    example = "H3/PR2",
                    description = "The task it counts for; null until matched or assigned")
            String item,

            @Schema(description = "OPEN, CLOSED or MERGED") String state,

            @Schema(description = "On the current head commit: NONE, PENDING, PASSING or FAILING")
            String checks,

            @Schema(description = "On the current head commit: NONE, APPROVED or CHANGES_REQUESTED")
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

    @Schema(name = "AssignRequest")
    record AssignRequest(
            @NotBlank @Size(max = 60) @Schema(example = "H3/PR2")
            String item) {}
}
