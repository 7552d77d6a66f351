package dev.syllabus.http;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers "has it changed?" for pre-serialised representations straight from the HTTP layer:
 * a GET whose {@code If-None-Match} names the current entity tag gets its 304 here, the way a
 * caching proxy would, without going through JAX-RS. Everything else (first fetches, other
 * media types, query strings, errors) passes on to the resources, which give the same answers.
 */
@Singleton
public class ConditionalGetShortcut {

    private static final String JSON = "application/json";
    private static final String MARKDOWN = "text/markdown";

    private final Instance<RepresentationIndex> indexes;

    ConditionalGetShortcut(Instance<RepresentationIndex> indexes) {
        this.indexes = indexes;
    }

    void install(@Observes Router router) {
        // After Quarkus' own filters (CORS), before the REST resources.
        router.route(HttpMethod.GET, "/api/*").order(-1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean markdown = MARKDOWN.equals(accept);
        if (ifNoneMatch == null || request.query() != null || !(markdown || accept == null || "*/*".equals(accept) || JSON.equals(accept))) {
            context.next();
            return;
        }
        for (RepresentationIndex index : indexes) {
            Representation current = index.at(request.path(), markdown);
            if (current != null) {
                if (current.matches(ifNoneMatch)) {
                    current.headers(context.response()::putHeader);
                    context.response().setStatusCode(304).end();
                } else {
                    context.next();
                }
                return;
            }
        }
        context.next();
    }
}
