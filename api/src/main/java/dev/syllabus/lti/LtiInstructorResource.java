package dev.syllabus.lti;

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

/**
 * What instructors call about learning platforms: the registered platforms and their deployments,
 * and a course's side of them (its platform courses' runs, the roster, the scores sent).
 */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
@RolesAllowed("INSTRUCTOR")
public class LtiInstructorResource {

    private final LtiPlatforms platforms;
    private final LtiRoster roster;
    private final LtiCourseLinks courseLinks;

    LtiInstructorResource(LtiPlatforms platforms, LtiRoster roster, LtiCourseLinks courseLinks) {
        this.platforms = platforms;
        this.roster = roster;
        this.courseLinks = courseLinks;
    }

    @GET
    @Path("/lti/platforms")
    @Produces(MediaType.APPLICATION_JSON)
    public List<LtiViews.Platform> listPlatforms() {
        return platforms.list();
    }

    @POST
    @Path("/lti/platforms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerPlatform(@NotNull @Valid LtiViews.PlatformRequest request, UriInfo uri) {
        LtiViews.Platform platform = platforms.register(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(platform.id()))
                        .build())
                .entity(platform)
                .build();
    }

    @GET
    @Path("/lti/platforms/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public LtiViews.Platform getPlatform(@PathParam("id") String id) {
        return platforms.get(id(id));
    }

    @DELETE
    @Path("/lti/platforms/{id}")
    public void deletePlatform(@PathParam("id") String id) {
        platforms.delete(id(id));
    }

    @POST
    @Path("/lti/platforms/{id}/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LtiViews.Platform addDeployment(
            @PathParam("id") String id, @NotNull @Valid LtiViews.DeploymentRequest request) {
        return platforms.addDeployment(id(id), request);
    }

    @POST
    @Path("/courses/{slug}/lti/memberships")
    @Produces(MediaType.APPLICATION_JSON)
    public LtiViews.RosterSync syncRoster(@PathParam("slug") String slug) {
        return roster.sync(PathParams.slug("slug", slug));
    }

    @PUT
    @Path("/courses/{slug}/lti/contexts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LtiViews.LinkedContext bindContext(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @NotNull @Valid LtiViews.BindingRequest request) {
        return courseLinks.bind(PathParams.slug("slug", slug), id(id), request.run());
    }

    @GET
    @Path("/courses/{slug}/lti/scores")
    @Produces(MediaType.APPLICATION_JSON)
    public Response scores(
            @PathParam("slug") String slug,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        return request.answer(
                courseLinks.scores(
                        PathParams.slug("slug", slug),
                        PathParams.oneOf("status", status, LtiScoreEntity.Delivery.class),
                        request.panache()),
                uri);
    }

    @POST
    @Path("/courses/{slug}/lti/scores/{id}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resendScore(@PathParam("slug") String slug, @PathParam("id") String id) {
        return Response.accepted(courseLinks.resend(PathParams.slug("slug", slug), id(id)))
                .build();
    }

    private static long id(String id) {
        return PathParams.number("id", id, Integer.MAX_VALUE);
    }
}
