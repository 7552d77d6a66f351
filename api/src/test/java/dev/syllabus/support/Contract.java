package dev.syllabus.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed OpenAPI document as an oracle: which documented operation an answer belongs to,
 * and what about the answer breaks what the document says (an undocumented status or media type,
 * a body that does not match its schema). Schemas are JSON Schema 2020-12, checked with networknt's
 * validator.
 */
public final class Contract {

    /** Answers any HTTP server gives before an operation is reached; no operation documents them. */
    private static final List<Integer> TRANSPORT_LIMITS = List.of(414, 431);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Contract committed;

    private final JsonNode document;
    private final List<Route> routes;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> validators = new ConcurrentHashMap<>();

    /** A documented operation: its method and path template. */
    public record Route(String method, String template, Pattern pattern, JsonNode operation) {}

    private Contract(JsonNode document) {
        this.document = document;
        List<Route> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            var path = paths.next();
            Pattern pattern = Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            path.getValue()
                    .fields()
                    .forEachRemaining(op -> found.add(
                            new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern, op.getValue())));
        }
        // Literal segments win over parameters: /api/courses/{slug}/agenda before /api/courses/{slug}/{x}.
        found.sort(Comparator.comparingLong(
                (Route r) -> r.template().chars().filter(c -> c == '{').count()));
        this.routes = List.copyOf(found);
    }

    /** The document in api/openapi.json, as committed. */
    public static Contract committed() {
        if (committed == null) {
            try {
                committed = new Contract(JSON.readTree(Files.readString(Path.of("openapi.json"))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the committed OpenAPI document", e);
            }
        }
        return committed;
    }

    public JsonNode document() {
        return document;
    }

    /** The operation that answers {@code method} on {@code path} (raw, percent-encoded, no query string), if the document has one. */
    public Optional<Route> route(String method, String path) {
        return routes.stream()
                .filter(r ->
                        r.method().equals(method) && r.pattern().matcher(path).matches())
                .findFirst();
    }

    /** What about this answer breaks the document: empty when nothing does or the address is not documented. */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        Optional<Route> route = route(method, path);
        if (route.isEmpty() || TRANSPORT_LIMITS.contains(status)) {
            return List.of();
        }
        String where = method + " " + route.get().template() + " answered " + status;
        // As OpenAPI reads responses: the status itself, else its range (4XX), else default.
        JsonNode responses = route.get().operation().path("responses");
        JsonNode response = resolved(
                responses.has(String.valueOf(status))
                        ? responses.path(String.valueOf(status))
                        : responses.has(status / 100 + "XX")
                                ? responses.path(status / 100 + "XX")
                                : responses.path("default"));
        if (response.isMissingNode()) {
            return List.of(where + ", which the document does not list");
        }
        if (body == null || body.isEmpty() || contentType == null || status == 304) {
            return List.of();
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        if (!content.has(mediaType)) {
            return List.of(where + " with " + mediaType + ", which the document does not list for it");
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (schema.isMissingNode() || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return List.of();
        }
        var errors = validator(schema).validate(body, InputFormat.JSON);
        return errors.isEmpty()
                ? List.of()
                : List.of(where + " with a body that breaks its schema: "
                        + errors.subList(0, Math.min(5, errors.size())));
    }

    /** The node itself, or what its {@code $ref} (#/components/...) points at. */
    public JsonNode resolved(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private Schema validator(JsonNode schema) {
        return validators.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = schema.deepCopy();
            root.set("components", document.path("components"));
            return registry.getSchema(root.toString());
        });
    }
}
