package dev.syllabus.events;

import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** A course's webhook subscriptions and their deliveries, kept by instructors. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
@RolesAllowed("INSTRUCTOR")
public class WebhookResource {

    private static final String SUBSCRIPTIONS = "/courses/{slug}/webhooks";

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Path(SUBSCRIPTIONS)
    @Produces(MediaType.APPLICATION_JSON)
    public List<WebhookViews.Subscription> list(@PathParam("slug") String slug) {
        return webhooks.list(PathParams.slug("slug", slug));
    }

    @POST
    @Path(SUBSCRIPTIONS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("slug") String slug, @NotNull @Valid WebhookViews.SubscriptionRequest request, UriInfo uri) {
        WebhookViews.Subscription created = webhooks.create(PathParams.slug("slug", slug), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path(SUBSCRIPTIONS + "/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookViews.Subscription get(@PathParam("slug") String slug, @PathParam("id") String id) {
        return webhooks.get(PathParams.slug("slug", slug), id(id));
    }

    @PUT
    @Path(SUBSCRIPTIONS + "/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookViews.Subscription replace(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @NotNull @Valid WebhookViews.SubscriptionRequest request) {
        return webhooks.replace(PathParams.slug("slug", slug), id(id), request);
    }

    @DELETE
    @Path(SUBSCRIPTIONS + "/{id}")
    public void delete(@PathParam("slug") String slug, @PathParam("id") String id) {
        webhooks.delete(PathParams.slug("slug", slug), id(id));
    }

    @POST
    @Path(SUBSCRIPTIONS + "/{id}/secret")
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookViews.RotatedSecret rotate(@PathParam("slug") String slug, @PathParam("id") String id) {
        return webhooks.rotate(PathParams.slug("slug", slug), id(id));
    }

    @POST
    @Path(SUBSCRIPTIONS + "/{id}/test")
    @Produces(MediaType.APPLICATION_JSON)
    public Response test(@PathParam("slug") String slug, @PathParam("id") String id) {
        return Response.accepted(webhooks.test(PathParams.slug("slug", slug), id(id)))
                .build();
    }

    @GET
    @Path(SUBSCRIPTIONS + "/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliveries(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        return request.answer(
                webhooks.deliveries(
                        PathParams.slug("slug", slug),
                        id(id),
                        PathParams.oneOf("status", status, WebhookDeliveryEntity.Status.class),
                        request.panache()),
                uri);
    }

    @POST
    @Path(SUBSCRIPTIONS + "/{id}/deliveries/{delivery}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend(
            @PathParam("slug") String slug, @PathParam("id") String id, @PathParam("delivery") String delivery) {
        return Response.accepted(webhooks.resend(
                        PathParams.slug("slug", slug),
                        id(id),
                        PathParams.number("delivery", delivery, Integer.MAX_VALUE)))
                .build();
    }

    @POST
    @Path(SUBSCRIPTIONS + "/{id}/resend-failed")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resendFailed(@PathParam("slug") String slug, @PathParam("id") String id) {
        return Response.accepted(webhooks.resendFailed(PathParams.slug("slug", slug), id(id)))
                .build();
    }

    private static long id(String id) {
        return PathParams.number("id", id, Integer.MAX_VALUE);
    }
}
