package dev.syllabus.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Tool(
        @Schema(example = "Minikube") String name,

        @Schema(example = "https://minikube.sigs.k8s.io/docs/start/")
        String url) {}
