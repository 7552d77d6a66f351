package dev.syllabus.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

/** A failure the client can act on; the {@link ProblemMapper} turns it into a problem response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers;

    public ProblemException(Status status, String detail, List<Problem.FieldError> errors) {
        this(status.getStatusCode(), detail, errors, Map.of());
    }

    public ProblemException(int status, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, detail, List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"syllabus\""));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Status.CONFLICT, detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Status.PRECONDITION_FAILED, detail, List.of());
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Status.BAD_REQUEST, "The request's '" + field + "' " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    /** 429 with Retry-After: the client may try again at {@code until}. */
    public static ProblemException tooManyRequests(String detail, Instant until) {
        long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
        return new ProblemException(429, detail, List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }

    /** 422: the request was well-formed but its content breaks the rules, each named in {@code errors}. */
    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, detail, errors, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, detail, List.of());
    }

    public static ProblemException invalidParameter(String field, String message) {
        return new ProblemException(Status.BAD_REQUEST, "The request's '" + field + "' " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
