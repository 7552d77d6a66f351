package dev.syllabus.http;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A response body serialised once and served many times, with the strong entity tag that names it.
 * Answers conditional requests: a matching {@code If-None-Match} gets 304 and no body.
 */
public record Representation(byte[] body, String mediaType, EntityTag etag) {

    /** Shared caches may keep a copy for a minute, then must revalidate (a cheap 304 while content is unchanged). */
    public static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";

    public Response respond(HttpHeaders request) {
        return evaluate(request).build();
    }

    /** The 200 or 304 answer to {@code request}, open for more headers. */
    public Response.ResponseBuilder evaluate(HttpHeaders request) {
        List<String> ifNoneMatch = request.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        Response.ResponseBuilder response = matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(body, mediaType);
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x". */
    private boolean matches(List<String> ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*")) {
                    return true;
                }
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("\"" + etag.getValue() + "\"")) {
                    return true;
                }
            }
        }
        return false;
    }
}
