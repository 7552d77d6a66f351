package dev.syllabus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which secrets stop the production build from starting. */
class SecretSettingsTest {

    @Test
    void productionRefusesPlaceholdersAndShortSecretsNamingTheSetting() {
        assertThat(SecretSettings.problems(true, "change-me", Optional.of("change-me")))
                .containsExactly(
                        "syllabus.admin.password (SYLLABUS_ADMIN_PASSWORD) is a placeholder; set a random value",
                        "syllabus.github.webhook-secret (SYLLABUS_GITHUB_WEBHOOK_SECRET) is a placeholder; set a random value");
        assertThat(SecretSettings.problems(true, "short-pass1", Optional.of("fifteen-chars-x")))
                .containsExactly(
                        "syllabus.admin.password (SYLLABUS_ADMIN_PASSWORD) must be at least 12 characters",
                        "syllabus.github.webhook-secret (SYLLABUS_GITHUB_WEBHOOK_SECRET) must be at least 16 characters");
    }

    @Test
    void productionAcceptsLongRandomSecretsAndNoWebhookSecret() {
        assertThat(SecretSettings.problems(true, "k3J9-vQz7-Lm2x", Optional.of("0f9a8b7c6d5e4f3a2b1c")))
                .isEmpty();
        assertThat(SecretSettings.problems(true, "k3J9-vQz7-Lm2x", Optional.empty()))
                .isEmpty();
    }

    @Test
    void theEmbeddedBuildKeepsItsLocalDefaultsButNoBuildTakesAPasswordBcryptWouldCut() {
        assertThat(SecretSettings.problems(false, "syllabus-admin", Optional.of("change-me")))
                .isEmpty();
        assertThat(SecretSettings.problems(false, "é".repeat(40), Optional.empty()))
                .containsExactly("syllabus.admin.password (SYLLABUS_ADMIN_PASSWORD) is longer than 72 bytes");
    }
}
