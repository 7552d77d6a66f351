package dev.syllabus.progress.enrolment;

import dev.syllabus.account.AccountViews;
import dev.syllabus.account.CurrentAccount;
import dev.syllabus.http.HttpEdge;
import dev.syllabus.http.Negotiation;
import dev.syllabus.http.PathParams;
import io.vertx.ext.web.RoutingContext;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Joining a course, and the join code instructors hand out. */
// One root for every resource under /api: JAX-RS picks the most specific class path first, and
// a longer one would hide CourseResource's routes.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    private final EnrollmentService enrollments;
    private final Enrolments enrolments;
    private final RosterInvites invites;
    private final CurrentAccount current;
    private final HttpEdge edge;

    EnrollmentResource(
            EnrollmentService enrollments,
            Enrolments enrolments,
            RosterInvites invites,
            CurrentAccount current,
            HttpEdge edge) {
        this.enrollments = enrollments;
        this.enrolments = enrolments;
        this.invites = invites;
        this.current = current;
        this.edge = edge;
    }

    @POST
    @Path("/courses/{slug}/enrollments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response join(
            @PathParam("slug") String slug, @NotNull @Valid EnrollmentViews.JoinRequest request, RoutingContext http) {
        String course = PathParams.slug("slug", slug);
        AccountViews.Session session = current.find()
                .map(me -> enrollments.joinSignedIn(course, me.accountId(), request, edge.clientAddress(http)))
                .orElseGet(() -> enrollments.join(course, request, edge.clientAddress(http)));
        return Response.created(URI.create("/api/courses/" + slug + "/checklist"))
                .entity(session)
                .build();
    }

    @DELETE
    @Path("/courses/{slug}/enrollments/{login}")
    @RolesAllowed("INSTRUCTOR")
    public void remove(@PathParam("slug") String slug, @PathParam("login") String login) {
        enrolments.remove(
                PathParams.slug("slug", slug), PathParams.login("login", login).toLowerCase(Locale.ROOT));
    }

    @GET
    @Path("/courses/{slug}/join-code")
    @RolesAllowed("INSTRUCTOR")
    public EnrollmentViews.JoinCode joinCode(@PathParam("slug") String slug) {
        return new EnrollmentViews.JoinCode(enrollments.joinCode(PathParams.slug("slug", slug)));
    }

    @PUT
    @Path("/courses/{slug}/join-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public EnrollmentViews.JoinCode setJoinCode(
            @PathParam("slug") String slug, @NotNull @Valid EnrollmentViews.JoinCode request) {
        return new EnrollmentViews.JoinCode(enrollments.setJoinCode(PathParams.slug("slug", slug), request.code()));
    }

    @GET
    @Path("/courses/{slug}/roster/invites")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public List<EnrollmentViews.Invite> pendingInvites(@PathParam("slug") String slug) {
        return invites.pendingInvites(PathParams.slug("slug", slug));
    }

    @POST
    @Path("/courses/{slug}/roster/invites")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed("INSTRUCTOR")
    public Response invites(@PathParam("slug") String slug, @QueryParam("login") String login, HttpHeaders headers) {
        String course = PathParams.slug("slug", slug);
        String student = login == null ? null : PathParams.login("login", login).toLowerCase(Locale.ROOT);
        List<EnrollmentViews.Invite> issued = invites.issueInvites(course, student);
        if (Negotiation.preferred(headers, CSV_TYPE, MediaType.APPLICATION_JSON_TYPE)
                == MediaType.APPLICATION_JSON_TYPE) {
            return Response.ok(issued, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(RosterInvites.csv(issued), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-invites.csv\"")
                .build();
    }

    private static final MediaType CSV_TYPE = MediaType.valueOf("text/csv");
}
