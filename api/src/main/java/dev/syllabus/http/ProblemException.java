package dev.syllabus.http;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

/** A failure the client can act on; the {@link ProblemMapper} turns it into a problem response. */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(Status status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, detail, List.of());
    }

    public static ProblemException invalidParameter(String field, String message) {
        return new ProblemException(Status.BAD_REQUEST, "The request's '" + field + "' " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    public Status status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
