package dev.syllabus.http;

import static io.vertx.core.http.HttpHeaders.createOptimized;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A response body serialised once and served many times, as it is and gzipped (each compressed once,
 * on the first request that takes gzip, rather than by the HTTP server on every answer), with the
 * strong entity tags that name each. Answers conditional requests: a matching {@code If-None-Match}
 * gets 304 and no body.
 */
public final class Representation {

    /** Shared caches may keep a copy for a minute, then must revalidate (a cheap 304 while content is unchanged). */
    public static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";

    private static final CharSequence CACHE_CONTROL_VALUE = createOptimized(CACHE_CONTROL);
    private static final CharSequence ETAG = createOptimized(HttpHeaders.ETAG);
    private static final CharSequence CACHE_CONTROL_HEADER = createOptimized(HttpHeaders.CACHE_CONTROL);
    private static final CharSequence VARY = createOptimized(HttpHeaders.VARY);
    private static final CharSequence CONTENT_TYPE = createOptimized(HttpHeaders.CONTENT_TYPE);
    private static final CharSequence CONTENT_ENCODING = createOptimized(HttpHeaders.CONTENT_ENCODING);
    // On an answer sent as it is, this keeps the HTTP server from compressing it on the fly (it removes
    // the header before sending): the tag names the uncompressed bytes.
    private static final CharSequence IDENTITY = createOptimized("identity");
    private static final CharSequence GZIP = createOptimized(ContentCoding.GZIP);

    private final String mediaType;
    private final String tag;
    // Header values as ASCII bytes, made once: Vert.x copies these to the socket as they are, where it would
    // encode (and check) a String character by character on every answer.
    private final CharSequence varyValue;
    private final CharSequence mediaTypeValue;
    private final Coding identity;
    /** Made by the first request that takes gzip; two at once may both make it, to the same bytes. */
    private volatile Coding gzipped;

    /**
     * @param tag            the entity tag, unquoted; strong, so it must change whenever the bytes do
     * @param variesByAccept whether the same address serves other media types too (adds {@code Accept} to {@code Vary})
     */
    public Representation(byte[] body, String mediaType, String tag, boolean variesByAccept) {
        this.mediaType = mediaType;
        this.tag = tag;
        this.identity = new Coding(body, tag, IDENTITY);
        // Shared caches may keep these, and a request from another origin gets CORS headers the same
        // address without an Origin does not: the answer varies by Origin too.
        this.varyValue =
                createOptimized((variesByAccept ? HttpHeaders.ACCEPT + ", " : "") + ContentCoding.HEADER + ", Origin");
        this.mediaTypeValue = createOptimized(mediaType);
    }

    /** The body in the coding a client with this {@code Accept-Encoding} gets. */
    public Coding codedFor(String acceptEncoding) {
        return ContentCoding.acceptsGzip(acceptEncoding) ? gzipped() : identity;
    }

    private Coding gzipped() {
        Coding made = gzipped;
        if (made == null) {
            // The two codings are two representations, so they carry two strong tags (RFC 9110 8.8.3).
            made = new Coding(gzip(identity.body), tag + "-gzip", GZIP);
            gzipped = made;
        }
        return made;
    }

    public String mediaType() {
        return mediaType;
    }

    public Response respond(HttpHeaders request) {
        return evaluate(request).build();
    }

    /** The 200 or 304 answer to {@code request}, open for more headers. */
    public Response.ResponseBuilder evaluate(HttpHeaders request) {
        Coding coding = codedFor(request.getHeaderString(ContentCoding.HEADER));
        List<String> ifNoneMatch = request.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        boolean unchanged = ifNoneMatch != null && ifNoneMatch.stream().anyMatch(coding::matches);
        Response.ResponseBuilder response = unchanged ? Response.notModified() : Response.ok(coding.body);
        BiConsumer<CharSequence, CharSequence> header =
                (name, value) -> response.header(name.toString(), value.toString());
        validators(coding, header);
        if (!unchanged) {
            content(coding, header);
        }
        return response;
    }

    /** The validator and caching headers that go with this representation, on a 200 and a 304 alike. */
    public void validators(Coding coding, BiConsumer<CharSequence, CharSequence> header) {
        header.accept(ETAG, coding.tagValue);
        header.accept(CACHE_CONTROL_HEADER, CACHE_CONTROL_VALUE);
        header.accept(VARY, varyValue);
    }

    /** The headers that describe the body of a 200. */
    public void content(Coding coding, BiConsumer<CharSequence, CharSequence> header) {
        header.accept(CONTENT_TYPE, mediaTypeValue);
        header.accept(CONTENT_ENCODING, coding.encoding);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        // Compressed once per version and then sent many times: the smallest output is worth the time.
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The body in one content coding, and the strong entity tag that names exactly these bytes. */
    public static final class Coding {

        private final byte[] body;
        /** The body for Vert.x to send, shared by every answer: writing it sends a read-only view, not a copy. */
        private final Buffer wire;

        private final String quotedTag;
        private final CharSequence tagValue;
        private final CharSequence encoding;

        private Coding(byte[] body, String tag, CharSequence encoding) {
            this.body = body;
            this.wire = Buffer.buffer(Unpooled.wrappedBuffer(body));
            this.quotedTag = '"' + tag + '"';
            this.tagValue = createOptimized(quotedTag);
            this.encoding = encoding;
        }

        /** The bytes as sent; callers must not change them. */
        public byte[] body() {
            return body;
        }

        /** {@link #body()} as Vert.x sends it: a 24 KB agenda costs no 24 KB allocation and copy per request. */
        public Buffer wire() {
            return wire;
        }

        /** The entity tag as it travels in headers, quotes included. */
        public String etag() {
            return quotedTag;
        }

        /** Whether an {@code If-None-Match} value names these bytes; the weak comparison of RFC 9110 13.1.2. */
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
}
