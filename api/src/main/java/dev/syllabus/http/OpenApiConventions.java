package dev.syllabus.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * House rules for the OpenAPI document, applied once at build time instead of on every resource method, so the
 * document says what the API really does:
 * <ul>
 * <li>every status an operation can answer, each error a problem, and the headers that come with
 * them ({@link OperationAnswers}), each shared answer, header and parameter said once under
 * {@code components} ({@link SharedComponents});</li>
 * <li>response models list every property as required (Jackson always writes record components;
 * the nullable ones say so), request models only what validation requires;</li>
 * <li>a nullable reference lets its null through ({@code anyOf} without a contradicting sibling
 * {@code type});</li>
 * <li>an example for every schema and every JSON body not of a referenced schema, built from the
 * properties' own examples, so it is valid by construction ({@link SchemaExamples});</li>
 * <li>servers, contact and an SPDX license identifier.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final String JSON = "application/json";

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
                schema.setExamples(List.of(new SchemaExamples(schemas).of(schema, 0)));
            }
        });
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        SharedComponents shared = new SharedComponents(openAPI.getComponents());
        // Answers some operations name by reference (@APIResponse(ref = ...)), in their words.
        shared.declare("ItemChanged", "412", "The item changed since the version in If-Match.");
        shared.declare("GithubSignInOff", "404", "Sign-in with GitHub is not set up here.");
        shared.declare(
                "ContentRefused",
                "422",
                "The content check found problems; `errors` lists them as file:line: message.");
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    OperationAnswers.document(path, method.name(), operation, shared);
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
                json.setExample(new SchemaExamples(schemas).of(json.getSchema(), 0));
            }
        }
    }

    /** A referenced schema, or a list of one: the schema's own example shows what the body looks like. */
    private static boolean referenced(Schema schema) {
        return schema.getRef() != null
                || (schema.getItems() != null && schema.getItems().getRef() != null);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description(description)
                .examples(List.of(example));
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
