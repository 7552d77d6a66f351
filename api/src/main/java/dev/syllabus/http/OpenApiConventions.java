package dev.syllabus.http;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * House rules for the OpenAPI document, applied once instead of on every resource method:
 * <ul>
 * <li>the problem responses every operation can give: 400 for malformed parameters, 404 for unknown
 * resources, 406 for an Accept header it cannot serve, 500 for our own failures, all with the
 * {@code Problem} schema;</li>
 * <li>every property of a response model is required (Jackson always writes record components;
 * the nullable ones say so), so generated clients get exact types.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A token from POST /api/auth/login, or an instructor's integration token."));
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("The parameter or field at fault.", "number"))
                .addProperty("message", string("What is wrong with it.", "must be a whole number from 1 to 9999")));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details, sent as application/problem+json.")
                .addProperty("type", string("A URI reference naming the kind of problem.", "about:blank"))
                .addProperty("title", string("The HTTP status phrase.", "Not Found"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)).examples(java.util.List.of(404)))
                .addProperty("detail", string("What went wrong, for people.", "No course 'intro-to-cooking'."))
                .addProperty("instance", string("The path of the request.", "/api/courses/intro-to-cooking"))
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .description("The fields or parameters at fault, when the request was malformed.")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(java.util.List.of("type", "title", "status")));
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null && schema.getRequired() == null) {
                schema.setRequired(new java.util.ArrayList<>(schema.getProperties().keySet()));
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(OpenApiConventions::letNullThrough);
            }
        });
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Map<?, Operation> operations = item.getOperations();
            operations.values().forEach(operation -> document(path, operation));
        });
    }

    /**
     * A nullable reference comes out as {@code anyOf: [{$ref}, {type: null}]} with a sibling
     * {@code type: object}, and in JSON Schema 2020-12 that sibling forbids the very null the
     * anyOf allows. The anyOf says it all: the sibling goes.
     */
    private static void letNullThrough(Schema property) {
        boolean nullable = property.getAnyOf() != null && property.getAnyOf().stream()
                .anyMatch(option -> option.getType() != null && option.getType().contains(Schema.SchemaType.NULL));
        if (nullable && property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.setType(null);
        }
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (parameters || operation.getRequestBody() != null) {
            add(responses, "400", "A parameter or the body is malformed; `errors` names the field.");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "No valid bearer token.");
            add(responses, "403", "The account may not do this.");
        }
        if (path.contains("{") || path.endsWith("/agenda")) {
            add(responses, "404", "No such resource.");
        }
        add(responses, "406", "The Accept header asks for a media type this operation cannot produce.");
        add(responses, "500", "An unexpected failure on the server; it is logged.");
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
        responses.addAPIResponse(status, response);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                .description(description).examples(java.util.List.of(example));
    }
}
