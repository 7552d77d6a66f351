package dev.syllabus.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the public contract and the web client's source of types: the copy
 * committed at {@code api/openapi.json} must be what the API serves. After an intended API change
 * run {@code make openapi} to refresh it.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static JsonNode served() throws IOException {
        return JSON.readTree(given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void theCommittedDocumentIsWhatTheApiServes() throws IOException {
        JsonNode served = served();
        if (Boolean.getBoolean("openapi.update")) {
            Object sorted = JSON.treeToValue(served, Object.class);
            Files.writeString(COMMITTED, JSON.writeValueAsString(sorted) + "\n");
        }
        assertThat(Files.exists(COMMITTED))
                .as("api/openapi.json exists; run make openapi")
                .isTrue();
        assertThat(JSON.readTree(COMMITTED.toFile()))
                .as("api/openapi.json is stale: run make openapi and commit it")
                .isEqualTo(served);
    }

    @Test
    void everyOperationIsDocumentedWithIdSummaryAndProblemResponses() throws IOException {
        JsonNode paths = served().get("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                assertThat(op.path("operationId").asText())
                        .as(name + " operationId")
                        .isNotBlank();
                assertThat(op.path("summary").asText()).as(name + " summary").isNotBlank();
                List<String> successes = new ArrayList<>();
                op.path("responses").fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2") || code.equals("302")) {
                        successes.add(code);
                    }
                });
                assertThat(successes).as(name + " documents its success").isNotEmpty();
                for (String code : successes) {
                    if (code.startsWith("2") && !code.equals("204")) {
                        JsonNode answer = op.path("responses").path(code);
                        String ref = answer.path("$ref").asText("");
                        assertThat((ref.startsWith("#/") ? served().at(ref.substring(1)) : answer)
                                        .path("content")
                                        .isEmpty())
                                .as(name + " " + code + " schema")
                                .isFalse();
                    }
                }
                assertThat(op.path("responses")
                                .path("5XX")
                                .path("$ref")
                                .asText()
                                .equals("#/components/responses/ServerError"))
                        .as(name + " documents its problem responses")
                        .isTrue();
            }
        }
        assertThat(operations)
                .contains(
                        "GET /api/courses",
                        "GET /api/agenda",
                        "GET /api/courses/{slug}/agenda",
                        "GET /api/courses/{slug}/weeks/{number}",
                        "GET /api/courses/{slug}/homework/{code}");
        assertThat(served().path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("errors"))
                .isTrue();
    }

    @Test
    void eachAnswerIsSaidOnceAndTheDocumentStaysReadable() throws IOException {
        JsonNode served = served();
        String pretty = JSON.writeValueAsString(JSON.treeToValue(served, Object.class));
        assertThat(pretty.length()).as("the pretty-printed document, in bytes").isLessThanOrEqualTo(230 * 1024);
        Map<String, List<String>> inlineProblems = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : served.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> answer :
                        operation.getValue().path("responses").properties()) {
                    if (answer.getKey().matches("[45]..") && !answer.getValue().has("$ref")) {
                        inlineProblems
                                .computeIfAbsent(
                                        answer.getKey() + " "
                                                + answer.getValue()
                                                        .path("description")
                                                        .asText(),
                                        key -> new ArrayList<>())
                                .add(operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }
            }
        }
        inlineProblems.forEach((answer, operations) -> assertThat(operations)
                .as("'" + answer + "' is written out in several operations: share it under components/responses")
                .hasSize(1));
        assertThat(served.path("components").path("responses").size()).isGreaterThan(10);
    }

    /**
     * The document is written by hand (META-INF/openapi.yaml), so this holds the code to it: each
     * route a resource declares is an operation of the document, and each operation has its route.
     */
    @Test
    void theRoutesOfTheCodeAreTheOperationsOfTheDocument() throws IOException {
        Set<String> documented = new TreeSet<>();
        served().get("paths").properties().forEach(path -> path.getValue()
                .fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> routed = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.syllabus")) {
            if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            String root = resource.getAnnotationOfType(jakarta.ws.rs.Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                for (Class<? extends Annotation> verb : VERBS) {
                    if (method.isAnnotatedWith(verb)) {
                        String path = method.tryGetAnnotationOfType(jakarta.ws.rs.Path.class)
                                .map(sub -> root + "/" + sub.value())
                                .orElse(root);
                        routed.add(verb.getSimpleName() + " " + template(path));
                    }
                }
            }
        }
        routed.removeAll(LTI_BROWSER_PAGES);
        assertThat(routed).as("the routes of the resources").isNotEmpty().isEqualTo(documented);
    }

    /**
     * The pages a learning platform opens in a browser: LTI 1.3 and its Dynamic Registration define
     * them (form posts and redirects answering HTML), and the web server's question of which
     * platforms may frame the web client. Integrators never call them, so the document, which
     * describes the JSON API, leaves them out (docs/instructors/lti.md and docs/operators describe them).
     */
    private static final Set<String> LTI_BROWSER_PAGES = Set.of(
            "GET /api/lti/register",
            "GET /api/lti/login",
            "POST /api/lti/login",
            "POST /api/lti/launch",
            "POST /api/lti/deep-links",
            "GET /api/lti/frame-ancestors");

    private static final List<Class<? extends Annotation>> VERBS = List.of(
            jakarta.ws.rs.GET.class,
            jakarta.ws.rs.PUT.class,
            jakarta.ws.rs.POST.class,
            jakarta.ws.rs.PATCH.class,
            jakarta.ws.rs.DELETE.class);

    /** {@code /api//courses/{slug: [a-z-]+}/} as the document writes it: {@code /api/courses/{slug}}. */
    private static String template(String path) {
        String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
