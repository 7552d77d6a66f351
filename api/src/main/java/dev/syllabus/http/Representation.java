package dev.syllabus.http;

import static io.vertx.core.http.HttpHeaders.createOptimized;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A response body serialised once and served many times, with the strong entity tag that names it.
 * Answers conditional requests: a matching {@code If-None-Match} gets 304 and no body.
 */
public final class Representation {

    /** Shared caches may keep a copy for a minute, then must revalidate (a cheap 304 while content is unchanged). */
    public static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";

    private static final CharSequence CACHE_CONTROL_VALUE = createOptimized(CACHE_CONTROL);
    private static final CharSequence ETAG = createOptimized(HttpHeaders.ETAG);
    private static final CharSequence CACHE_CONTROL_HEADER = createOptimized(HttpHeaders.CACHE_CONTROL);
    private static final CharSequence VARY = createOptimized(HttpHeaders.VARY);

    private final byte[] body;
    /** The body as the HTTP server writes it: each answer sends a view of these bytes, not a copy. */
    private final Buffer wire;

    private final String mediaType;
    private final String quotedTag;
    // Header values as ASCII bytes, made once: Vert.x copies these to the socket as they are, where it would
    // encode (and check) a String character by character on every answer.
    private final CharSequence tagValue;
    private final CharSequence varyValue;
    private final CharSequence mediaTypeValue;

    /**
     * @param tag            the entity tag, unquoted; strong, so it must change whenever the bytes do
     * @param variesByAccept whether the same address serves other media types too (adds {@code Accept} to {@code Vary})
     */
    public Representation(byte[] body, String mediaType, String tag, boolean variesByAccept) {
        this.body = body;
        this.wire = Buffer.buffer(Unpooled.wrappedBuffer(body));
        this.mediaType = mediaType;
        this.quotedTag = '"' + tag + '"';
        this.tagValue = createOptimized(quotedTag);
        // Shared caches may keep these, and a request from another origin gets CORS headers the same
        // address without an Origin does not: the answer varies by Origin too.
        this.varyValue = createOptimized(variesByAccept ? HttpHeaders.ACCEPT + ", Origin" : "Origin");
        this.mediaTypeValue = createOptimized(mediaType);
    }

    /** The serialised bytes; callers must not change them. */
    public byte[] body() {
        return body;
    }

    /**
     * The body for Vert.x to send, shared by every answer: writing it sends a read-only view, so a
     * 24 KB agenda costs no 24 KB allocation and copy per request (Buffer.buffer(byte[]) copies).
     */
    public Buffer wire() {
        return wire;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@link #mediaType()} as the HTTP server writes it. */
    public CharSequence contentType() {
        return mediaTypeValue;
    }

    /** The entity tag as it travels in headers, quotes included. */
    public String etag() {
        return quotedTag;
    }

    public Response respond(HttpHeaders request) {
        return evaluate(request).build();
    }

    /** The 200 or 304 answer to {@code request}, open for more headers. */
    public Response.ResponseBuilder evaluate(HttpHeaders request) {
        List<String> ifNoneMatch = request.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        boolean unchanged = ifNoneMatch != null && ifNoneMatch.stream().anyMatch(this::matches);
        Response.ResponseBuilder response = unchanged ? Response.notModified() : Response.ok(body, mediaType);
        headers((name, value) -> response.header(name.toString(), value.toString()));
        return response;
    }

    /** The validator and caching headers that go with this representation, on a 200 and a 304 alike. */
    public void headers(BiConsumer<CharSequence, CharSequence> header) {
        header.accept(ETAG, tagValue);
        header.accept(CACHE_CONTROL_HEADER, CACHE_CONTROL_VALUE);
        header.accept(VARY, varyValue);
    }

    /** Whether an {@code If-None-Match} value names this representation; the weak comparison of RFC 9110 13.1.2. */
    public boolean matches(String ifNoneMatch) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")
                    || tag.equals(quotedTag)
                    || (tag.startsWith("W/") && tag.substring(2).equals(quotedTag))) {
                return true;
            }
        }
        return false;
    }
}
