package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * No silent breaking change: the committed document is compared with the last released one
 * (api/openapi-released.json, updated on release by {@code make release-contract}) by openapi-diff,
 * and a change that breaks clients passes only with a new major version in {@code info.version}.
 */
class ContractCompatibilityTest {

    private static final Path RELEASED = Path.of("openapi-released.json");
    private static final Path CURRENT = Path.of("openapi.json");

    @Test
    void aBreakingChangeSinceTheLastReleaseComesWithANewMajorVersion() throws Exception {
        String released = Files.readString(RELEASED);
        String current = Files.readString(CURRENT);
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        int releasedMajor = major(released);
        int currentMajor = major(current);
        System.out.printf(
                "contract: %s since release %s (%s)%n",
                diff.isIncompatible() ? "breaking changes" : diff.isDifferent() ? "compatible changes" : "no changes",
                version(released),
                version(current));
        if (diff.isIncompatible()) {
            assertThat(currentMajor)
                    .as("breaking changes since the last release need a new major version in info.version:\n"
                            + report(diff))
                    .isGreaterThan(releasedMajor);
        } else {
            assertThat(currentMajor)
                    .as("the major version goes up only for a breaking change")
                    .isEqualTo(releasedMajor);
        }
    }

    @Test
    void theCheckSeesARemovedOperationAsBreaking() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String current = Files.readString(CURRENT);
        ObjectNode withoutOne = (ObjectNode) json.readTree(current);
        ((ObjectNode) withoutOne.get("paths")).remove("/api/courses/{slug}/homework/{code}");

        assertThat(OpenApiCompare.fromContents(current, json.writeValueAsString(withoutOne))
                        .isIncompatible())
                .isTrue();
        assertThat(OpenApiCompare.fromContents(current, current).isDifferent()).isFalse();
    }

    private static String version(String document) throws Exception {
        return new ObjectMapper()
                .readTree(document)
                .path("info")
                .path("version")
                .asText();
    }

    private static int major(String document) throws Exception {
        return Integer.parseInt(version(document).split("\\.", 2)[0]);
    }

    private static String report(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (Exception e) {
            return "(no report: " + e + ")";
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.length() > 4_000 ? text.substring(0, 4_000) + "…" : text;
    }
}
