package dev.syllabus.http;

import dev.syllabus.domain.Names;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers, headers and parameters many operations share, kept once under {@code components}
 * and referred to, so the document says each thing once (and stays small enough to read).
 */
final class SharedComponents {

    private static final String PROBLEM = "#/components/schemas/Problem";

    private final Components components;

    SharedComponents(Components components) {
        this.components = components;
    }

    /** A problem answer in its shared words, unless the operation says its own for that status. */
    void problem(APIResponses responses, String status, String name, String description) {
        problem(responses, status, name, description, false);
    }

    /** As {@link #problem(APIResponses, String, String, String)}; with {@code retryAfter}, the answer says when to try again. */
    void problem(APIResponses responses, String status, String name, String description, boolean retryAfter) {
        APIResponse own = responses.getAPIResponse(status);
        if (own != null && own.getRef() != null) {
            return;
        }
        if (own != null && own.getDescription() != null && own.getDescription().equals(reasonPhrase(status))) {
            // Added by the framework (a validated body's 400), in words that say nothing: ours say more.
            own = null;
            responses.removeAPIResponse(status);
        }
        if (own != null) {
            if (retryAfter) {
                retryAfter(own);
            }
            return;
        }
        responses.addAPIResponse(status, response(name, () -> problemAnswer(status, description, retryAfter)));
    }

    /** A shared problem answer that operations name themselves, by {@code @APIResponse(ref = name)}. */
    void declare(String name, String status, String description) {
        response(name, () -> problemAnswer(status, description, false));
    }

    private APIResponse problemAnswer(String status, String description, boolean retryAfter) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        if (retryAfter) {
            retryAfter(response);
        }
        problemContent(response, Integer.parseInt(status));
        return response;
    }

    private void retryAfter(APIResponse response) {
        response.addHeader(
                "Retry-After", header("RetryAfter", "Seconds to wait before trying again.", Schema.SchemaType.INTEGER));
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
        if (components.getParameters() == null || !components.getParameters().containsKey(name)) {
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
                                "CourseSlug", declared.description("The course").example("ml-in-production"))
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
                                                .maxLength(Names.RUN_NAME_MAX_LENGTH)))
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

    /** Every error answer is a problem; its example carries the answer's own status. */
    static void problemContent(APIResponse response, int status) {
        String reason = reasonPhrase(String.valueOf(status));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", Problem.of(status, null, "/", List.of()).title());
        example.put("status", status);
        example.put(
                "detail",
                response.getDescription() != null ? response.getDescription() : reason.isEmpty() ? "Error" : reason);
        example.put("instance", "/api/courses/ml-in-production");
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM))
                                .example(example)));
    }

    static String reasonPhrase(String status) {
        Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
        return known == null ? "" : known.getReasonPhrase();
    }
}
