package dev.syllabus.http;

import dev.syllabus.domain.Names;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
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
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
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
        Shared shared = new Shared(openAPI.getComponents());
        // Answers some operations name by reference (@APIResponse(ref = ...)), in their words.
        shared.declare("ItemChanged", "412", "The item changed since the version in If-Match.");
        shared.declare("GithubSignInOff", "404", "Sign-in with GitHub is not set up here.");
        shared.declare(
                "ContentRefused",
                "422",
                "The content check found problems; `errors` lists them as file:line: message.");
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    document(path, method.name(), operation, shared);
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
     * {@code type}: {@code object} forbids the very null the anyOf allows (JSON Schema 2020-12),
     * and anything else repeats what the options say. The anyOf says it all: the sibling goes.
     */
    private static void letNullThrough(Schema property) {
        boolean nullable = property.getAnyOf() != null
                && property.getAnyOf().stream()
                        .anyMatch(option ->
                                option.getType() != null && option.getType().contains(Schema.SchemaType.NULL));
        if (nullable) {
            property.setType(null);
        }
    }

    private static void document(String path, String method, Operation operation, Shared shared) {
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
        if (secured) {
            // The document's own requirement (a bearer token) says it once for all of them.
            operation.setSecurity(null);
        } else {
            // Said outright: anyone may call it (an empty requirement).
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }

        // Even an operation without parameters reads headers, and a malformed one (an Accept of
        // "*/*;q=abc") is refused with 400 before the operation runs.
        if (!parameters.isEmpty() || body) {
            shared.problem(
                    responses,
                    "400",
                    "BadRequest",
                    "A parameter, a header or the body is malformed; `errors` names the field.");
        } else {
            shared.problem(responses, "400", "MalformedHeader", "A header is malformed.");
        }
        if (secured) {
            shared.problem(responses, "401", "Unauthorized", "No valid bearer token.");
            shared.problem(
                    responses,
                    "403",
                    "Forbidden",
                    "The account may not do this, or the browser's Origin may not call this API (CORS).");
        } else {
            shared.problem(responses, "403", "OriginForbidden", "The browser's Origin may not call this API (CORS).");
        }
        if (path.contains("{") || path.endsWith("/agenda")) {
            shared.problem(responses, "404", "NotFound", "No such resource.");
        }
        shared.problem(
                responses,
                "406",
                "NotAcceptable",
                "The Accept header asks for a media type this operation cannot produce.");
        if (write && !signIn && !"logout".equals(operation.getOperationId())) {
            shared.problem(
                    responses,
                    "409",
                    "Conflict",
                    "Someone else changed this at the same moment; nothing was stored. Read it again and retry.");
        }
        if (conditionalWrite) {
            shared.problem(
                    responses,
                    "412",
                    "PreconditionFailed",
                    "If-Match names a version that is no longer current; nothing was stored.");
        }
        if (operation.getParameters() != null) {
            operation.setParameters(operation.getParameters().stream()
                    .map(shared::commonParameter)
                    .collect(Collectors.toCollection(ArrayList::new)));
        }
        if (body) {
            shared.problem(responses, "413", "ContentTooLarge", "The body is larger than 1 MiB.");
            shared.problem(
                    responses,
                    "415",
                    "UnsupportedMediaType",
                    "The body's Content-Type is not one this operation takes.");
        }
        if (signIn) {
            shared.problem(
                    responses,
                    "429",
                    "TooManySignIns",
                    "Too many failed sign-ins; try again after Retry-After seconds.",
                    "Retry-After");
        }
        shared.problem(responses, "500", "ServerError", "An unexpected failure on the server; it is logged.");
        if (!curriculum && signIn) {
            shared.problem(
                    responses,
                    "503",
                    "SignInUnavailable",
                    "The database is unavailable, or too many sign-ins are being checked at once; try again after Retry-After seconds.",
                    "Retry-After");
        } else if (!curriculum) {
            shared.problem(
                    responses,
                    "503",
                    "Unavailable",
                    "The database is unavailable; try again after Retry-After seconds.",
                    "Retry-After");
        }
        if (curriculum && method.equals("GET")) {
            operation.addParameter(shared.parameter(
                    "IfNoneMatch",
                    OASFactory.createParameter()
                            .name("If-None-Match")
                            .in(Parameter.In.HEADER)
                            .description("An ETag from an earlier answer: 304 while the course is unchanged.")
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                            .example("\"3f2a9c1d0b7e4a65\"")));
            responses.addAPIResponse("304", shared.response("NotModified", () -> OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current ETag.")
                    .addHeader("ETag", shared.header("ContentVersion", "The course's content version."))));
            ok(responses).ifPresent(ok -> ok.addHeader(
                            "ETag",
                            shared.header(
                                    "ContentETag", "The course's content version; send it back in If-None-Match."))
                    .addHeader(
                            "Cache-Control", shared.header("CacheControl", "`public, max-age=60, must-revalidate`")));
        }
        if (conditionalWrite) {
            // Unless the operation says what its version is itself.
            ok(responses)
                    .filter(ok -> ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag"))
                    .ifPresent(ok -> ok.addHeader(
                            "ETag",
                            shared.header(
                                    "ItemVersion", "The item's version (`\"v<version>\"`), for the next If-Match.")));
        }
        if (paged) {
            ok(responses).ifPresent(ok -> ok.addHeader(
                            "Link",
                            shared.header("PageLinks", "RFC 8288 links to the first, previous, next and last pages."))
                    .addHeader(
                            "X-Total-Count",
                            shared.header("TotalCount", "How many there are in all.", Schema.SchemaType.INTEGER)));
        }
        if (responses.hasAPIResponse("201")) {
            responses
                    .getAPIResponse("201")
                    .addHeader("Location", shared.header("Location", "Where the new resource is."));
        }
        // The operation's own error answers, in its own words, stay with it.
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null) {
                problemContent(response, Integer.parseInt(status));
            }
        });
    }

    private static Optional<APIResponse> ok(APIResponses responses) {
        return Optional.ofNullable(responses.getAPIResponse("200"));
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
            // A referenced schema has its own example; the body need not repeat it.
            if (json != null
                    && json.getSchema() != null
                    && !referenced(json.getSchema())
                    && json.getExample() == null
                    && json.getExamples() == null) {
                json.setExample(new Examples(schemas).of(json.getSchema(), 0));
            }
        }
    }

    /** A referenced schema, or a list of one: the schema's own example shows what the body looks like. */
    private static boolean referenced(Schema schema) {
        return schema.getRef() != null
                || (schema.getItems() != null && schema.getItems().getRef() != null);
    }

    private static String reasonPhrase(String status) {
        Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
        return known == null ? "" : known.getReasonPhrase();
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

    /**
     * The answers, headers and parameters many operations share, kept once under {@code components}
     * and referred to, so the document says each thing once (and stays small enough to read).
     */
    private static final class Shared {

        private final Components components;

        Shared(Components components) {
            this.components = components;
        }

        /** A problem answer in its shared words, unless the operation says its own for that status. */
        void problem(APIResponses responses, String status, String name, String description, String... headers) {
            APIResponse own = responses.getAPIResponse(status);
            if (own != null && own.getRef() != null) {
                return;
            }
            if (own != null
                    && own.getDescription() != null
                    && own.getDescription().equals(reasonPhrase(status))) {
                // Added by the framework (a validated body's 400), in words that say nothing: ours say more.
                own = null;
                responses.removeAPIResponse(status);
            }
            if (own != null) {
                withHeaders(own, headers);
                return;
            }
            responses.addAPIResponse(status, response(name, () -> {
                APIResponse response =
                        withHeaders(OASFactory.createAPIResponse().description(description), headers);
                problemContent(response, Integer.parseInt(status));
                return response;
            }));
        }

        void declare(String name, String status, String description) {
            response(name, () -> {
                APIResponse response = OASFactory.createAPIResponse().description(description);
                problemContent(response, Integer.parseInt(status));
                return response;
            });
        }

        /** Only Retry-After so far: what a client waits before trying again. */
        private APIResponse withHeaders(APIResponse response, String... headers) {
            for (String name : headers) {
                response.addHeader(
                        name, header("RetryAfter", "Seconds to wait before trying again.", Schema.SchemaType.INTEGER));
            }
            return response;
        }

        APIResponse response(String name, Supplier<APIResponse> made) {
            if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
                components.addResponse(name, made.get());
            }
            return OASFactory.createAPIResponse().ref(name);
        }

        Header header(String name, String description) {
            return header(name, description, Schema.SchemaType.STRING);
        }

        Header header(String name, String description, Schema.SchemaType type) {
            if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
                components.addHeader(
                        name,
                        OASFactory.createHeader()
                                .description(description)
                                .schema(OASFactory.createSchema().type(List.of(type))));
            }
            return OASFactory.createHeader().ref(name);
        }

        Parameter parameter(String name, Parameter parameter) {
            if (components.getParameters() == null
                    || !components.getParameters().containsKey(name)) {
                components.addParameter(name, parameter);
            }
            return OASFactory.createParameter().ref(name);
        }

        /** The parameters many operations take, said once: the course, the run, the student, the page, If-Match. */
        Parameter commonParameter(Parameter declared) {
            boolean path = declared.getIn() == Parameter.In.PATH;
            boolean plainQuery = declared.getIn() == Parameter.In.QUERY && declared.getDescription() == null;
            return switch (declared.getName()) {
                case IfMatch.HEADER -> ifMatch(declared);
                case "slug" ->
                    path
                            ? parameter(
                                    "CourseSlug",
                                    declared.description("The course").example("ml-in-production"))
                            : declared;
                case "run" ->
                    path
                            ? parameter(
                                    "RunName",
                                    declared.description("A run's name, or `current` for the course's current run")
                                            .example("2026-autumn")
                                            .schema(OASFactory.createSchema()
                                                    .type(List.of(Schema.SchemaType.STRING))
                                                    .pattern(Names.SLUG)
                                                    .maxLength(40)))
                            : declared;
                case "login" ->
                    path
                            ? parameter(
                                    "StudentLogin",
                                    declared.description("The student's GitHub login")
                                            .example("octocat"))
                            : declared;
                case "page" -> plainQuery ? parameter("Page", declared.description("Page number, from 1")) : declared;
                case "size" -> plainQuery ? parameter("PageSize", declared.description("Entries per page")) : declared;
                default -> declared;
            };
        }

        /** Every If-Match takes the header's grammar (see {@link IfMatch}); an operation may say what its versions are. */
        Parameter ifMatch(Parameter declared) {
            declared.setSchema(OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING))
                    .pattern(IfMatch.PATTERN));
            if (declared.getDescription() != null) {
                return declared;
            }
            return parameter(
                    "IfMatch",
                    declared.description(
                                    "Change only while this version is current: the ETag of an earlier answer, a list of them, or `*`.")
                            .example("\"v3\""));
        }
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
                // A list of another model inside a model is shown empty: that model has its own example.
                boolean ofModel = schema.getItems() != null && schema.getItems().getRef() != null;
                return depth >= DEEPEST || schema.getItems() == null || (ofModel && depth > 0)
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
