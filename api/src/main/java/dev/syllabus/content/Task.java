package dev.syllabus.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Task(
        @Schema(description = "Stable id of the checklist item: homework code and task code.", example = "H2/PR1")
        String id,

        @Schema(example = "PR1") String code,
        TaskKind kind,

        @Schema(example = "Write a Dockerfile for a dummy server and push the image to a registry")
        String title,

        boolean optional) {}
