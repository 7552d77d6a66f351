package dev.syllabus.http;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Paged;
import io.quarkus.panache.common.Page;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A page of a list: {@code page} counts from 1, {@code size} is capped. The response carries
 * RFC 8288 {@code Link} headers (first, prev, next, last) and {@code X-Total-Count}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Far beyond any real list, and small enough that no offset ({@code (page - 1) * size}) overflows. */
    public static final int MAX_PAGE = 1_000_000;

    /** Validates the raw query parameters; absent ones take their defaults. */
    public static PageRequest of(String page, String size) {
        return new PageRequest(parse("page", page, 1, MAX_PAGE, 1), parse("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
    }

    private static int parse(String field, String raw, int min, int max, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.invalid(field, "must be a whole number from " + min + " to " + max);
    }

    /** The page's index counting from 0, as the persistence layer counts. */
    public int index() {
        return page - 1;
    }

    public <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** The page as Panache counts it. */
    public Page panache() {
        return Page.of(index(), size);
    }

    /** {@code found} as a 200 answer with its paging headers. */
    public Response answer(Paged<?> found, UriInfo uri) {
        return headers(Response.ok(found.items(), MediaType.APPLICATION_JSON), uri, (int)
                        Math.min(Integer.MAX_VALUE, found.total()))
                .build();
    }

    /** Adds paging headers for a list of {@code total} elements. */
    public Response.ResponseBuilder headers(Response.ResponseBuilder response, UriInfo uri, int total) {
        int last = Math.max(1, (total + size - 1) / size);
        response.header("X-Total-Count", total);
        response.links(link(uri, 1, "first"), link(uri, last, "last"));
        if (page > 1) {
            response.links(link(uri, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            response.links(link(uri, page + 1, "next"));
        }
        return response;
    }

    private Link link(UriInfo uri, int target, String rel) {
        return Link.fromUri(uri.getRequestUriBuilder()
                        .replaceQueryParam("page", target)
                        .replaceQueryParam("size", size)
                        .build())
                .rel(rel)
                .build();
    }
}
