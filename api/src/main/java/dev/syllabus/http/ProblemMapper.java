package dev.syllabus.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.syllabus.domain.ConcurrentChanges;
import dev.syllabus.domain.DomainException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become responses: every failure leaves as {@code application/problem+json},
 * never as a stack trace or a Java class name.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The domain's refusals: each reason has its status, and the headers that let a client act on it. */
    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        int status = statusOf(e.reason());
        Response response = respond(
                status,
                e.getMessage(),
                uri,
                e.errors().stream()
                        .map(error -> new Problem.FieldError(error.field(), error.message()))
                        .toList());
        if (e.reason() == DomainException.Reason.UNAUTHENTICATED) {
            response.getHeaders().putSingle("WWW-Authenticate", "Bearer realm=\"syllabus\"");
        }
        if (e.retryAt() != null) {
            long seconds =
                    Math.max(1, Duration.between(Instant.now(), e.retryAt()).toSeconds());
            response.getHeaders().putSingle("Retry-After", Long.toString(seconds));
        }
        return response;
    }

    /** The HTTP status of a domain refusal. */
    public static int statusOf(DomainException.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
            case BROKEN_RULES -> 422;
            case THROTTLED -> 429;
            case UPSTREAM_FAILED -> 502;
            case UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return refused(
                DomainException.unauthenticated(
                        "Sign in first: send `Authorization: Bearer <token>` with a token from POST /api/auth/login."),
                uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Your account may not do this.", uri, List.of());
    }

    /** Malformed JSON, a wrong type or an unknown field: 400 naming the field where Jackson knows it. */
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class
    })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                        .orElse(null)
                : null;
        String reason = e instanceof UnrecognizedPropertyException
                ? "is not a known field"
                : e instanceof JsonMappingException ? "has the wrong type or value" : "is not valid JSON";
        if (field == null) {
            return respond(
                    400, "The request body is not valid JSON.", uri, List.of(new Problem.FieldError("body", reason)));
        }
        return respond(
                400,
                "The request's '" + field + "' " + reason + ".",
                uri,
                List.of(new Problem.FieldError(field, reason)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(400, "The request is not valid.", uri, errors);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(status, null, uri, List.of());
        }
        return respond(status, clientDetail(status), uri, List.of());
    }

    /** A media type the REST layer cannot parse, in Accept or Content-Type: 400 naming the header. */
    @ServerExceptionMapper
    public Response unparsable(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (e.getMessage() == null || !e.getMessage().startsWith("Failed to parse media type")) {
            return unexpected(e, uri);
        }
        String header = parses(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)) ? "Accept" : "Content-Type";
        return respond(
                400,
                "The " + header + " header is not a valid media type.",
                uri,
                List.of(new Problem.FieldError(header, "is not a valid media type")));
    }

    private static boolean parses(String mediaTypes) {
        if (mediaTypes == null) {
            return true;
        }
        try {
            MediaType.valueOf(mediaTypes);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            Response response =
                    respond(503, "The database is unavailable; try again in a few seconds.", uri, List.of());
            response.getHeaders().putSingle("Retry-After", "5");
            return response;
        }
        if (isBodyTooLarge(e)) {
            // A client's doing, not ours: one line now and then, never a stack trace per request.
            long now = System.nanoTime();
            long last = lastTooLargeWarning.get();
            if (now - last >= TOO_LARGE_WARNING_INTERVAL_NANOS && lastTooLargeWarning.compareAndSet(last, now)) {
                LOG.warnf(
                        "Refused a request body over the limit (quarkus.http.limits.max-body-size): %s %s",
                        e.getClass().getSimpleName(), e.getMessage());
            }
            return respond(413, "The request body is larger than this API accepts.", uri, List.of());
        }
        if (ConcurrentChanges.caused(e)) {
            LOG.debugf("Concurrent change refused: %s", e.getMessage());
            return respond(
                    409, "Someone else changed this at the same moment; read it again and retry.", uri, List.of());
        }
        LOG.error("Unexpected failure", e);
        return respond(500, "Something went wrong on our side; it has been logged.", uri, List.of());
    }

    /** A body that streamed in past the size limit: the REST layer's reader says so with an IOException. */
    private static boolean isBodyTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && "Request too large".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static final long TOO_LARGE_WARNING_INTERVAL_NANOS = 60_000_000_000L;
    private static final AtomicLong lastTooLargeWarning =
            new AtomicLong(System.nanoTime() - TOO_LARGE_WARNING_INTERVAL_NANOS);

    /** A lost or refused database connection (SQL state class 08, a shutdown, or no connection from the pool in time). */
    private static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                if (state.startsWith("08") || state.startsWith("57P") || message.contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Two writers met on one row: a unique key taken between our read and our insert (SQL state
     * 23505), a serialization failure (40001) or a deadlock (40P01). Nothing was stored; the
     * client may retry. The hot paths avoid these by locking first; this is the net below them.
     */
    private static String clientDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not support that method.";
            case 406 -> "None of the media types in the Accept header can be served here.";
            case 415 -> "The request body's media type is not supported here.";
            default -> null;
        };
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static Response respond(int status, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, detail, uri.getPath(), errors))
                .build();
    }
}
