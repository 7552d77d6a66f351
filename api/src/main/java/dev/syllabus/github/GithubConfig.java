package dev.syllabus.github;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The GitHub webhook's shared secret: SYLLABUS_GITHUB_WEBHOOK_SECRET (from a Kubernetes Secret in a cluster). */
@ConfigMapping(prefix = "syllabus.github")
public interface GithubConfig {

    /** Without it the webhook refuses every delivery. */
    Optional<String> webhookSecret();
}
