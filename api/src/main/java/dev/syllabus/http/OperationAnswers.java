package dev.syllabus.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every status an operation can answer, from what it is (has parameters, a body, a token, a
 * conditional header, a page; reads the curriculum from memory or the database), each error a
 * problem, with the headers that come with them (ETag, Link, X-Total-Count, Retry-After, Location):
 * the per-operation part of {@link OpenApiConventions}.
 */
final class OperationAnswers {

    private static final String CURRICULUM = "Curriculum";

    private OperationAnswers() {}

    static void document(String path, String method, Operation operation, SharedComponents shared) {
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
                    true);
        }
        shared.problem(responses, "500", "ServerError", "An unexpected failure on the server; it is logged.");
        if (!curriculum && signIn) {
            shared.problem(
                    responses,
                    "503",
                    "SignInUnavailable",
                    "The database is unavailable, or too many sign-ins are being checked at once; try again after Retry-After seconds.",
                    true);
        } else if (!curriculum) {
            shared.problem(
                    responses,
                    "503",
                    "Unavailable",
                    "The database is unavailable; try again after Retry-After seconds.",
                    true);
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
                SharedComponents.problemContent(response, Integer.parseInt(status));
            }
        });
    }

    private static Optional<APIResponse> ok(APIResponses responses) {
        return Optional.ofNullable(responses.getAPIResponse("200"));
    }
}
