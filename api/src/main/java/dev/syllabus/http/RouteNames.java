package dev.syllabus.http;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;

/**
 * The route metrics and traces name a request by. Quarkus' observability reads it from the
 * request's context, where the REST layer puts the route it matched; answers given before the REST
 * layer put theirs here too, so no series is named by an address a client chose.
 */
final class RouteNames {

    /** The request-context key Quarkus' observability reads the route from. */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private RouteNames() {}

    static void name(HttpServerRequest request, String route) {
        context(request).putLocal(ROUTE_TEMPLATE, route);
    }

    /** Names the request's route unless a route (the REST layer's, or another) named it already. */
    static void nameIfUnnamed(HttpServerRequest request, String route) {
        Context context = context(request);
        if (context.getLocal(ROUTE_TEMPLATE) == null) {
            context.putLocal(ROUTE_TEMPLATE, route);
        }
    }

    private static Context context(HttpServerRequest request) {
        return ((HttpServerRequestInternal) request).context();
    }
}
