package dev.syllabus.progress;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.syllabus.account.AccountViews;
import dev.syllabus.http.PathParams;

/** Joining a course, and the join code instructors hand out. */
// One root for every resource under /api: JAX-RS picks the most specific class path first, and
// a longer one would hide CourseResource's routes.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolment", description = "Joining a course with its join code.")
public class EnrollmentResource {

    private final EnrollmentService enrollments;

    EnrollmentResource(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @POST
    @Path("/courses/{slug}/enrollments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinCourse", summary = "Join a course with its join code",
            description = "Creates the student's account (or completes the one an instructor listed on the roster), enrols it and signs it in.")
    @APIResponse(responseCode = "201", description = "Joined and signed in.", content = @Content(schema = @Schema(implementation = AccountViews.Session.class)))
    @APIResponse(responseCode = "403", description = "The join code does not match.")
    @APIResponse(responseCode = "409", description = "The login has an account already: sign in instead.")
    public Response join(@PathParam("slug") String slug, @NotNull @Valid EnrollmentViews.JoinRequest request) {
        AccountViews.Session session = enrollments.join(PathParams.slug("slug", slug), request);
        return Response.created(URI.create("/api/courses/" + slug + "/checklist")).entity(session).build();
    }

    @GET
    @Path("/courses/{slug}/join-code")
    @RolesAllowed({ "INSTRUCTOR", "READER" })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getJoinCode", summary = "The course's join code (instructors)",
            description = "The code students join the course with; null until an instructor sets one.")
    @APIResponse(responseCode = "200", description = "The code; null until one is set.", content = @Content(schema = @Schema(implementation = EnrollmentViews.JoinCode.class)))
    public EnrollmentViews.JoinCode joinCode(@PathParam("slug") String slug) {
        return new EnrollmentViews.JoinCode(enrollments.joinCode(PathParams.slug("slug", slug)));
    }

    @PUT
    @Path("/courses/{slug}/join-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "setJoinCode", summary = "Set or regenerate the course's join code (instructors)",
            description = "Leave `code` out for a random one. The old code stops working at once.")
    @APIResponse(responseCode = "200", description = "The code now in force.", content = @Content(schema = @Schema(implementation = EnrollmentViews.JoinCode.class)))
    public EnrollmentViews.JoinCode setJoinCode(@PathParam("slug") String slug, @NotNull @Valid EnrollmentViews.JoinCode request) {
        return new EnrollmentViews.JoinCode(enrollments.setJoinCode(PathParams.slug("slug", slug), request.code()));
    }
}
