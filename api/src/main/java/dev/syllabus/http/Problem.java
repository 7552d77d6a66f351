package dev.syllabus.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem: the one error body every endpoint returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with the standard title for {@code status}, about the request at {@code path}. */
    public static Problem of(int status, String detail, String path, List<FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title =
                switch (status) {
                    case 422 -> "Unprocessable Content";
                    case 413 -> "Content Too Large";
                    case 414 -> "URI Too Long";
                    case 431 -> "Request Header Fields Too Large";
                    default -> known == null ? "Error" : known.getReasonPhrase();
                };
        return new Problem(
                "about:blank",
                title,
                status,
                detail,
                "/" + (path == null ? "" : path.replaceFirst("^/", "")),
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public record FieldError(String field, String message) {}
}
