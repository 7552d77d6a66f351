package dev.syllabus.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with secrets an attacker could guess. The production (PostgreSQL) build needs
 * an admin password of at least 12 characters and a webhook secret, when set, of at least 16, and
 * neither may be a placeholder such as {@code change-me}. Every build needs an admin password that
 * bcrypt reads whole (72 bytes).
 */
@ApplicationScoped
class SecretSettings {

    static final int MIN_ADMIN_PASSWORD = 12;
    static final int MIN_WEBHOOK_SECRET = 16;
    private static final int BCRYPT_MAX_BYTES = 72;
    /** Found anywhere in a value, these mark it as a placeholder someone forgot to replace. */
    private static final List<String> PLACEHOLDER_MARKS =
            List.of("change-me", "changeme", "change_me", "replace-me", "replaceme");
    /** Whole values nobody should deploy with. */
    private static final List<String> PLACEHOLDERS = List.of("password", "secret", "example", "admin", "syllabus");

    private final boolean production;
    private final String adminPassword;
    private final Optional<String> webhookSecret;

    SecretSettings(
            @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind,
            @ConfigProperty(name = "syllabus.admin.password") String adminPassword,
            @ConfigProperty(name = "syllabus.github.webhook-secret") Optional<String> webhookSecret) {
        this.production = "postgresql".equals(databaseKind);
        this.adminPassword = adminPassword;
        this.webhookSecret = webhookSecret;
    }

    void check(@Observes @Priority(1) StartupEvent started) {
        List<String> problems = problems(production, adminPassword, webhookSecret);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the secrets, each naming its setting; empty when nothing is. */
    static List<String> problems(boolean production, String adminPassword, Optional<String> webhookSecret) {
        List<String> problems = new ArrayList<>();
        if (adminPassword.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            problems.add(
                    "syllabus.admin.password (SYLLABUS_ADMIN_PASSWORD) is longer than " + BCRYPT_MAX_BYTES + " bytes");
        }
        if (production) {
            weak("syllabus.admin.password (SYLLABUS_ADMIN_PASSWORD)", adminPassword, MIN_ADMIN_PASSWORD)
                    .ifPresent(problems::add);
            webhookSecret
                    .filter(secret -> !secret.isBlank())
                    .flatMap(secret -> weak(
                            "syllabus.github.webhook-secret (SYLLABUS_GITHUB_WEBHOOK_SECRET)",
                            secret,
                            MIN_WEBHOOK_SECRET))
                    .ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> weak(String setting, String value, int minLength) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_MARKS.stream().anyMatch(lower::contains) || PLACEHOLDERS.contains(lower)) {
            return Optional.of(setting + " is a placeholder; set a random value");
        }
        if (value.length() < minLength) {
            return Optional.of(setting + " must be at least " + minLength + " characters");
        }
        return Optional.empty();
    }
}
