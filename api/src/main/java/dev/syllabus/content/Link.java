package dev.syllabus.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Link(
        @Schema(example = "About pull requests") String title,

        @Schema(example = "https://docs.github.com/en/pull-requests")
        String url) {}
