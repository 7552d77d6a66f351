package dev.syllabus.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PassCriterion(
        @Schema(description = "The criterion as the author wrote it.", example = "3 PRs merged, CI green.")
        String text,

        @Schema(description = "Merged pull requests required to pass (optional ones count).", example = "3")
        int requiredPrs,

        @Schema(description = "Pull-request tasks listed, optional ones included.", example = "3")
        int listedPrs,

        @Schema(description = "Whether the instructor must approve the work.", example = "false")
        boolean instructorApproval) {}
