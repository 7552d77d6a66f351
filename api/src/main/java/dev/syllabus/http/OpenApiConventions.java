package dev.syllabus.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * House rules for the OpenAPI document, applied once instead of on every resource method, so the
 * document says what the API really does:
 * <ul>
 * <li>every status an operation can answer, from what it is (has parameters, a body, a token, a
 * conditional header, a page; reads the curriculum from memory or the database), each error with
 * the {@code Problem} schema, and the headers that come with them (ETag, Link, X-Total-Count,
 * Retry-After, Location);</li>
 * <li>response models list every property as required (Jackson always writes record components;
 * the nullable ones say so), request models only what validation requires;</li>
 * <li>a nullable reference lets its null through ({@code anyOf} without a contradicting sibling
 * {@code type});</li>
 * <li>an example for every schema and every JSON body, built from the properties' own examples,
 * so it is valid by construction;</li>
 * <li>servers, contact and an SPDX license identifier.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String JSON = "application/json";
    private static final String CURRICULUM = "Curriculum";
    private static final String INSTANT_EXAMPLE = "2026-09-01T09:00:00Z";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.setServers(
                List.of(OASFactory.createServer().url("/").description("The server that serves this document")));
        // At build time, before the title, version and description come from the quarkus.smallrye-openapi.info-*
        // settings, which have no key for a contact alone or a license's SPDX identifier.
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        openAPI.getInfo()
                .contact(OASFactory.createContact().name("Syllabus maintainers"))
                .license(OASFactory.createLicense().name("MIT").identifier("MIT"));
        openAPI.getComponents()
                .addSecurityScheme(
                        "bearer",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(
                                        "A token from POST /api/auth/login, or an instructor's integration token."));
        addProblemSchemas(openAPI);
        Set<String> requestModels = requestModels(openAPI);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() != null && schema.getRequired() == null && !requestModels.contains(name)) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(OpenApiConventions::letNullThrough);
            }
        });
        schemas.forEach((name, schema) -> {
            if (schema.getExamples() == null || schema.getExamples().isEmpty()) {
                schema.setExamples(List.of(new Examples(schemas).of(schema, 0)));
            }
        });
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    document(path, method.name(), operation);
                    exemplify(operation, schemas);
                }));
    }

    private static void addProblemSchemas(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSchema(
                        "FieldError",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description("A parameter, header or body field at fault, and what is wrong with it.")
                                .addProperty("field", string("The parameter or field at fault.", "number"))
                                .addProperty(
                                        "message",
                                        string("What is wrong with it.", "must be a whole number from 1 to 9999"))
                                .required(List.of("field", "message")));
        openAPI.getComponents()
                .addSchema(
                        "Problem",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description("RFC 9457 problem details, sent as application/problem+json.")
                                .addProperty(
                                        "type", string("A URI reference naming the kind of problem.", "about:blank"))
                                .addProperty("title", string("The HTTP status phrase.", "Not Found"))
                                .addProperty(
                                        "status",
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.INTEGER))
                                                .description("The HTTP status of the answer.")
                                                .examples(List.of(404)))
                                .addProperty(
                                        "detail",
                                        string("What went wrong, for people.", "No course 'intro-to-cooking'."))
                                .addProperty(
                                        "instance", string("The path of the request.", "/api/courses/intro-to-cooking"))
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.ARRAY))
                                                .description(
                                                        "The fields or parameters at fault, when the request was malformed.")
                                                .items(OASFactory.createSchema()
                                                        .ref("#/components/schemas/FieldError")))
                                .required(List.of("type", "title", "status")));
    }

    /** The schemas clients send: they require only what validation requires. */
    private static Set<String> requestModels(OpenAPI openAPI) {
        Set<String> names = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations()
                    .values()
                    .forEach(operation -> {
                        if (operation.getRequestBody() != null
                                && operation.getRequestBody().getContent() != null) {
                            operation.getRequestBody().getContent().getMediaTypes().values().stream()
                                    .filter(media -> media.getSchema() != null
                                            && media.getSchema().getRef() != null)
                                    .forEach(media ->
                                            names.add(refName(media.getSchema().getRef())));
                        }
                    }));
        }
        return names;
    }

    /**
     * A nullable reference comes out as {@code anyOf: [{$ref}, {type: null}]} with a sibling
     * {@code type: object}, and in JSON Schema 2020-12 that sibling forbids the very null the
     * anyOf allows. The anyOf says it all: the sibling goes.
     */
    private static void letNullThrough(Schema property) {
        boolean nullable = property.getAnyOf() != null
                && property.getAnyOf().stream()
                        .anyMatch(option ->
                                option.getType() != null && option.getType().contains(Schema.SchemaType.NULL));
        if (nullable && property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.setType(null);
        }
    }

    private static void document(String path, String method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean curriculum = operation.getTags() != null && operation.getTags().contains(CURRICULUM);
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean write = !method.equals("GET");
        List<String> parameters = operation.getParameters() == null
                ? List.of()
                : operation.getParameters().stream().map(Parameter::getName).toList();
        boolean paged = parameters.contains("page") && parameters.contains("size");
        boolean conditionalWrite = parameters.contains(IfMatch.HEADER);
        boolean signIn = "login".equals(operation.getOperationId());
        if (!secured) {
            // Said outright: anyone may call it (an empty requirement), not "forgot to say".
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }

        // Even an operation without parameters reads headers, and a malformed one (an Accept of
        // "*/*;q=abc") is refused with 400 before the operation runs.
        add(
                responses,
                "400",
                !parameters.isEmpty() || body
                        ? "A parameter, a header or the body is malformed; `errors` names the field."
                        : "A header is malformed.");
        if (secured) {
            add(responses, "401", "No valid bearer token.");
            add(responses, "403", "The account may not do this, or the browser's Origin may not call this API (CORS).");
        } else {
            add(responses, "403", "The browser's Origin may not call this API (CORS).");
        }
        if (path.contains("{") || path.endsWith("/agenda")) {
            add(responses, "404", "No such resource.");
        }
        add(responses, "406", "The Accept header asks for a media type this operation cannot produce.");
        if (write && !signIn && !"logout".equals(operation.getOperationId())) {
            add(
                    responses,
                    "409",
                    "Someone else changed this at the same moment; nothing was stored. Read it again and retry.");
        }
        if (conditionalWrite) {
            add(responses, "412", "If-Match names a version that is no longer current; nothing was stored.");
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getName().equals(IfMatch.HEADER))
                    .forEach(OpenApiConventions::ifMatchGrammar);
        }
        if (body) {
            add(responses, "413", "The body is larger than 1 MiB.");
            add(responses, "415", "The body's Content-Type is not one this operation takes.");
        }
        if (signIn) {
            add(responses, "429", "Too many failed sign-ins; try again after Retry-After seconds.");
            retryAfter(responses.getAPIResponse("429"));
        }
        add(responses, "500", "An unexpected failure on the server; it is logged.");
        if (!curriculum) {
            add(
                    responses,
                    "503",
                    signIn
                            ? "The database is unavailable, or too many sign-ins are being checked at once; try again after Retry-After seconds."
                            : "The database is unavailable; try again after Retry-After seconds.");
            retryAfter(responses.getAPIResponse("503"));
        }
        if (curriculum && method.equals("GET")) {
            operation.addParameter(OASFactory.createParameter()
                    .name("If-None-Match")
                    .in(Parameter.In.HEADER)
                    .description("An ETag from an earlier answer: 304 while the course is unchanged.")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                    .example("\"3f2a9c1d0b7e4a65\""));
            responses.addAPIResponse(
                    "304",
                    OASFactory.createAPIResponse()
                            .description("Not modified: If-None-Match names the current ETag.")
                            .addHeader("ETag", header("The course's content version.")));
            ok(responses).ifPresent(ok -> ok.addHeader(
                            "ETag", header("The course's content version; send it back in If-None-Match."))
                    .addHeader("Cache-Control", header("`public, max-age=60, must-revalidate`")));
        }
        if (conditionalWrite) {
            // Unless the operation says what its version is itself.
            ok(responses)
                    .filter(ok -> ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag"))
                    .ifPresent(ok -> ok.addHeader(
                            "ETag", header("The item's version (`\"v<version>\"`), for the next If-Match.")));
        }
        if (paged) {
            ok(responses).ifPresent(ok -> ok.addHeader(
                            "Link", header("RFC 8288 links to the first, previous, next and last pages."))
                    .addHeader(
                            "X-Total-Count",
                            OASFactory.createHeader()
                                    .description("How many there are in all.")
                                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))));
        }
        if (responses.hasAPIResponse("201")) {
            responses.getAPIResponse("201").addHeader("Location", header("Where the new resource is."));
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response, Integer.parseInt(status));
            }
        });
    }

    private static Optional<APIResponse> ok(APIResponses responses) {
        return Optional.ofNullable(responses.getAPIResponse("200"));
    }

    private static void retryAfter(APIResponse response) {
        response.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                        .description("Seconds to wait before trying again.")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
    }

    /** Every If-Match takes the header's grammar (see {@link IfMatch}); an operation may say what its versions are. */
    private static void ifMatchGrammar(Parameter ifMatch) {
        ifMatch.setSchema(OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .pattern(IfMatch.PATTERN));
        if (ifMatch.getDescription() == null) {
            ifMatch.description(
                            "Change only while this version is current: the ETag of an earlier answer, a list of them, or `*`.")
                    .example("\"v3\"");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** Every error answer is a problem; its example carries the answer's own status. */
    private static void problemContent(APIResponse response, int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", Problem.of(status, null, "/", List.of()).title());
        example.put("status", status);
        example.put(
                "detail",
                response.getDescription() == null
                        ? (known == null ? "Error" : known.getReasonPhrase())
                        : response.getDescription());
        example.put("instance", "/api/courses/ml-in-production");
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM))
                                .example(example)));
    }

    /** An example on every JSON body an operation takes or gives, unless it has one. */
    private static void exemplify(Operation operation, Map<String, Schema> schemas) {
        List<Content> contents = new ArrayList<>();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            contents.add(operation.getRequestBody().getContent());
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                contents.add(response.getContent());
            }
        });
        for (Content content : contents) {
            MediaType json = content.getMediaType(JSON);
            if (json != null && json.getSchema() != null && json.getExample() == null && json.getExamples() == null) {
                json.setExample(new Examples(schemas).of(json.getSchema(), 0));
            }
        }
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description(description)
                .examples(List.of(example));
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Example values built from a schema and its properties' own examples: valid by construction. */
    private record Examples(Map<String, Schema> schemas) {

        private static final int DEEPEST = 5;

        Object of(Schema schema, int depth) {
            if (schema.getRef() != null) {
                Schema target = schemas.get(refName(schema.getRef()));
                return target == null ? null : of(target, depth + 1);
            }
            if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
                return schema.getExamples().get(0);
            }
            if (schema.getExample() != null) {
                return schema.getExample();
            }
            if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
                return schema.getEnumeration().get(0);
            }
            if (schema.getAnyOf() != null) {
                return schema.getAnyOf().stream()
                        .filter(option -> !isNull(option))
                        .findFirst()
                        .map(option -> of(option, depth))
                        .orElse(null);
            }
            List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
            if (schema.getProperties() != null || types.contains(Schema.SchemaType.OBJECT)) {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> object.put(name, of(property, depth + 1)));
                }
                return object;
            }
            if (types.contains(Schema.SchemaType.ARRAY)) {
                return depth >= DEEPEST || schema.getItems() == null
                        ? List.of()
                        : List.of(of(schema.getItems(), depth + 1));
            }
            if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
                return schema.getMinimum() != null ? schema.getMinimum().intValue() : 1;
            }
            if (types.contains(Schema.SchemaType.BOOLEAN)) {
                return false;
            }
            if (types.contains(Schema.SchemaType.STRING)) {
                return switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                    case "date-time" -> INSTANT_EXAMPLE;
                    case "date" -> INSTANT_EXAMPLE.substring(0, 10);
                    case "local-time", "partial-time" -> "10:00:00";
                    default -> "text";
                };
            }
            return null;
        }

        private static boolean isNull(Schema option) {
            return option.getType() != null && option.getType().equals(List.of(Schema.SchemaType.NULL));
        }
    }
}
