package dev.syllabus.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A titled block of Markdown the importer has no structure for; kept rather than dropped. */
public record Section(
        @Schema(example = "Webinar") String title,

        @Schema(
                description = "The section's body, as Markdown.",
                example = "Demo: from an empty repository to a running cluster.")
        String body) {}
