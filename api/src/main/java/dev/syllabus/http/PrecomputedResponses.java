package dev.syllabus.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Serves pre-serialised representations straight from the HTTP layer, the way a caching proxy
 * in front would: a GET of a known address gets its bytes (or its 304 when If-None-Match names
 * the current entity tag) without going through JAX-RS. Everything else (other media types,
 * query strings, unknown addresses and so every error) passes on to the resources, which give
 * the same answers; the resources stay the documented contract.
 */
@Singleton
public class PrecomputedResponses {

    private static final String JSON = "application/json";
    private static final String MARKDOWN = "text/markdown";

    // Resolved once (client proxies of application-scoped beans), not on every request.
    private final List<RepresentationIndex> indexes;

    PrecomputedResponses(Instance<RepresentationIndex> indexes) {
        this.indexes = indexes.stream().toList();
    }

    void install(@Observes Router router) {
        // Right after HttpEdge (Integer.MIN_VALUE), before Quarkus' filters: the curriculum is
        // public, so authentication has nothing to do; a request from another origin (it has an Origin
        // header) passes on, for CORS to answer it.
        router.route(HttpMethod.GET, "/api/*").order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.headers().contains("Origin")) {
            context.next();
            return;
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        // Only Accept values whose answer needs no negotiation; anything else goes to the resources,
        // which negotiate (Negotiation) and give the same bytes (FastPathTest keeps the two equal).
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean markdown = MARKDOWN.equals(accept);
        if (request.query() != null || !(markdown || accept == null || "*/*".equals(accept) || JSON.equals(accept))) {
            context.next();
            return;
        }
        for (RepresentationIndex index : indexes) {
            Precomputed address = index.at(request.path());
            Representation current = address == null ? null : address.in(markdown);
            if (current != null) {
                // One time series per route, not per address.
                RouteNames.name(request, address.route());
                HttpServerResponse response = context.response();
                Representation.Coding coding = current.codedFor(request.getHeader(ContentCoding.HEADER));
                current.validators(coding, response::putHeader);
                if (ifNoneMatch != null && coding.matches(ifNoneMatch)) {
                    response.setStatusCode(304).end();
                } else {
                    current.content(coding, response::putHeader);
                    response.end(coding.wire());
                }
                return;
            }
        }
        context.next();
    }
}
