package dev.syllabus.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request the domain refuses, in the domain's words: why ({@link Reason}), a sentence for the
 * person asking, and the fields at fault. Services and rules throw it without knowing HTTP; the
 * one problem mapper at the edge turns each reason into its status and headers.
 */
public final class DomainException extends RuntimeException {

    public enum Reason {
        /** A field or parameter breaks its rule. */
        INVALID,
        /** Nobody is signed in, or the credentials are not good. */
        UNAUTHENTICATED,
        /** Signed in, but this account may not do this. */
        FORBIDDEN,
        /** The thing asked for does not exist (or is not shown to this account). */
        NOT_FOUND,
        /** The request contradicts what is stored. */
        CONFLICT,
        /** The client's copy is older than what is stored (its version precondition failed). */
        STALE,
        /** Well-formed content that breaks the content rules, each named in the field errors. */
        BROKEN_RULES,
        /** Too many attempts; may try again at {@link #retryAt()}. */
        THROTTLED,
        /** A service we depend on (GitHub) did not answer as it should. */
        UPSTREAM_FAILED,
        /** Not available now: not set up, or too busy (then with {@link #retryAt()}). */
        UNAVAILABLE
    }

    public record FieldError(String field, String message) {}

    private final Reason reason;
    private final transient List<FieldError> errors;
    private final Instant retryAt;

    private DomainException(Reason reason, String detail, List<FieldError> errors, Instant retryAt) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.errors = List.copyOf(errors);
        this.retryAt = retryAt;
    }

    private DomainException(Reason reason, String detail, List<FieldError> errors) {
        this(reason, detail, errors, null);
    }

    private DomainException(Reason reason, String detail) {
        this(reason, detail, List.of(), null);
    }

    /** {@code field} breaks its rule: the detail reads "The request's 'field' message." */
    public static DomainException invalid(String field, String message) {
        return new DomainException(
                Reason.INVALID,
                "The request's '" + field + "' " + message + ".",
                List.of(new FieldError(field, message)));
    }

    public static DomainException unauthenticated(String detail) {
        return new DomainException(Reason.UNAUTHENTICATED, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Reason.FORBIDDEN, detail);
    }

    /** Refused, with the field whose value was not good enough (a code that opens nothing). */
    public static DomainException forbidden(String detail, String field, String message) {
        return new DomainException(Reason.FORBIDDEN, detail, List.of(new FieldError(field, message)));
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Reason.NOT_FOUND, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Reason.CONFLICT, detail);
    }

    public static DomainException stale(String detail) {
        return new DomainException(Reason.STALE, detail);
    }

    public static DomainException brokenRules(String detail, List<FieldError> errors) {
        return new DomainException(Reason.BROKEN_RULES, detail, errors);
    }

    public static DomainException throttled(String detail, Instant retryAt) {
        return new DomainException(Reason.THROTTLED, detail, List.of(), Objects.requireNonNull(retryAt));
    }

    public static DomainException upstreamFailed(String detail) {
        return new DomainException(Reason.UPSTREAM_FAILED, detail);
    }

    public static DomainException unavailable(String detail) {
        return new DomainException(Reason.UNAVAILABLE, detail);
    }

    /** Too busy now; worth another try at {@code retryAt}. */
    public static DomainException busy(String detail, Instant retryAt) {
        return new DomainException(Reason.UNAVAILABLE, detail, List.of(), Objects.requireNonNull(retryAt));
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When the client may try again, or null when that is not a matter of time. */
    public Instant retryAt() {
        return retryAt;
    }
}
