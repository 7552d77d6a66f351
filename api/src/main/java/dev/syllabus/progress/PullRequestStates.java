package dev.syllabus.progress;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Evidence a checklist item may have from GitHub; implemented where webhook deliveries are kept. */
public interface PullRequestStates {

    /** The pull request backing each of a student's items, by item id. */
    Map<String, PullRequestState> byItem(long courseId, long accountId);

    @Schema(name = "PullRequestState", description = "What GitHub says of the pull request behind an item.")
    record PullRequestState(
            @Schema(example = "7") int number,

            @Schema(example = "https://github.com/octocat/ml-in-production/pull/7")
            String url,

            @Schema(description = "OPEN, CLOSED or MERGED") String state,

            @Schema(description = "NONE, PENDING, PASSING or FAILING, on the current head commit")
            String checks,

            @Schema(description = "NONE, APPROVED or CHANGES_REQUESTED, on the current head commit")
            String review) {}
}
