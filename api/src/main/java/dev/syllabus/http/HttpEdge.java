package dev.syllabus.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.config.SyllabusConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What every request meets first, before the REST layer: limits answered as problems (413, 414,
 * 431; the HTTP server's own refusals have no body), the headers every answer carries ({@code nosniff}, and
 * {@code Cache-Control: no-store} unless the answer says it may be cached: only the curriculum does), and
 * the client's address for those who ask (forwarding headers count only from trusted proxies, and only
 * when well-formed).
 * A browser request from an origin that may not call the API (CORS) gets a 403 problem. A failure of a
 * route outside the REST layer also leaves as a problem.
 */
@Singleton
public class HttpEdge {

    /** Longer request targets get 414; the server itself accepts up to quarkus.http.limits.max-initial-line-length. */
    static final int MAX_URI_LENGTH = 8 * 1024;
    /** More header bytes get 431; the server itself accepts up to quarkus.http.limits.max-header-size. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    // Set on every answer: made once as ASCII bytes (see Representation).
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    /**
     * The route metrics name a refusal by when no route matched it (a 405, or a limit this class
     * enforces): named by its raw address, it would make a time series per address a client makes up,
     * and a 414's is kilobytes long. A 404 is Micrometer's own NOT_FOUND already.
     */
    static final String UNMATCHED = "/UNMATCHED";

    /** Where a learning platform's browser posts from its own origin (LTI 1.3's login and launch). */
    static final Set<String> PLATFORM_ENTRY_POINTS = Set.of("/api/lti/login", "/api/lti/launch");

    /** The routing context's key for the origin a platform entry point was posted from. */
    public static final String PLATFORM_ORIGIN = "syllabus.platform-origin";

    private final long maxBodyBytes;
    private final TrustedProxies trusted;
    private final ObjectMapper json;
    private final Set<String> allowedOrigins;

    HttpEdge(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            SyllabusConfig config,
            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.allowedOrigins = Set.copyOf(config.corsOrigins());
        this.trusted = config.trustedProxies().map(TrustedProxies::of).orElse(TrustedProxies.none());
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle).failureHandler(this::failed);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.addHeadersEndHandler(done -> {
            MultiMap headers = context.response().headers();
            headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
            if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
            int status = context.response().getStatusCode();
            if (status >= 400 && status < 500 && status != 404 && request.path().startsWith("/api/")) {
                RouteNames.nameIfUnnamed(request, UNMATCHED);
            }
        });
        if (request.uri().length() > MAX_URI_LENGTH) {
            refuse(context, 414, "The request target is longer than " + MAX_URI_LENGTH + " characters.");
            return;
        }
        if (headerBytes(request.headers()) > MAX_HEADER_BYTES) {
            refuse(context, 431, "The request's headers are larger than " + MAX_HEADER_BYTES + " bytes.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            refuse(context, 413, "The request body is larger than " + maxBodyBytes + " bytes.");
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.isBlank()) {
            // An empty Accept names no media type: the same as none, whatever the REST layer's parser thinks.
            request.headers().remove(HttpHeaders.ACCEPT);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && sameOriginThroughTrustedProxy(request, origin)) {
            // A same-origin request, not a cross-origin one: CORS has nothing to do with it.
            request.headers().remove(HttpHeaders.ORIGIN);
            origin = null;
        }
        if (origin != null && PLATFORM_ENTRY_POINTS.contains(request.path())) {
            // A learning platform's form post into an LTI launch: its resource checks the origin
            // against the platform the launch started with (the browser's cookie and the signed
            // token are what admit it), so CORS, which knows no platforms, does not see it.
            context.put(PLATFORM_ORIGIN, origin);
            request.headers().remove(HttpHeaders.ORIGIN);
            origin = null;
        }
        if (origin != null
                && !allowedOrigins.contains(origin)
                && !origin.equalsIgnoreCase(origin(request.scheme(), request.getHeader(HttpHeaders.HOST)))) {
            // The CORS filter would refuse it too, but with an empty body.
            refuse(context, 403, "Origin " + origin + " may not call this API from a browser (syllabus.cors-origins).");
            return;
        }
        context.next();
    }

    /** Whether a trusted proxy says the browser asked for exactly {@code origin}, the origin the request comes from. */
    private boolean sameOriginThroughTrustedProxy(HttpServerRequest request, String origin) {
        if (!trusted.contains(request.remoteAddress().hostAddress())) {
            return false;
        }
        MultiMap headers = request.headers();
        String scheme = ForwardedClient.scheme(headers.get("X-Forwarded-Proto"));
        String host = ForwardedClient.host(headers.get("X-Forwarded-Host"));
        return origin.equalsIgnoreCase(origin(
                scheme == null ? request.scheme() : scheme, host == null ? headers.get(HttpHeaders.HOST) : host));
    }

    private static String origin(String scheme, String host) {
        return scheme + "://" + host;
    }

    /**
     * Who the client is (see {@link ForwardedClient}): the forwarding headers count only from trusted
     * proxies. Worked out when asked (by the throttles), not on every request.
     */
    public String clientAddress(RoutingContext context) {
        HttpServerRequest request = context.request();
        MultiMap headers = request.headers();
        return ForwardedClient.address(
                request.remoteAddress().hostAddress(),
                headers.getAll("X-Forwarded-For"),
                headers.getAll("Forwarded"),
                trusted);
    }

    private void failed(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.error("Request failed before the REST layer", context.failure());
        }
        refuse(context, status, status >= 500 ? "Something went wrong on our side; it has been logged." : null);
    }

    private void refuse(RoutingContext context, int status, String detail) {
        String body;
        try {
            body = json.writeValueAsString(
                    Problem.of(status, detail, context.request().path(), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RouteNames.nameIfUnnamed(context.request(), UNMATCHED);
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413 || status == 414 || status == 431) {
            // The rest of the request is not read: a fresh connection is cleaner than draining it.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }

    private static int headerBytes(MultiMap headers) {
        int bytes = 0;
        for (var header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }
}
