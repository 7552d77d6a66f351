package dev.syllabus.progress;

import dev.syllabus.account.AccountViews;
import dev.syllabus.account.CurrentAccount;
import dev.syllabus.domain.Names;
import dev.syllabus.http.HttpEdge;
import dev.syllabus.http.Negotiation;
import dev.syllabus.http.PathParams;
import io.vertx.ext.web.RoutingContext;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Joining a course, and the join code instructors hand out. */
// One root for every resource under /api: JAX-RS picks the most specific class path first, and
// a longer one would hide CourseResource's routes.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolment", description = "Joining a course with its join code.")
public class EnrollmentResource {

    private final EnrollmentService enrollments;
    private final CurrentAccount current;
    private final HttpEdge edge;

    EnrollmentResource(EnrollmentService enrollments, CurrentAccount current, HttpEdge edge) {
        this.enrollments = enrollments;
        this.current = current;
        this.edge = edge;
    }

    @POST
    @Path("/courses/{slug}/enrollments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "joinCourse",
            summary = "Join a course with its join code, or a personal invite code",
            description =
                    "Signed in (a bearer token, as after signing in with GitHub): send only the `joinCode`; the account joins. "
                            + "Otherwise, with the course's `joinCode`: creates a new student account, enrols it and signs it in; the join code never "
                            + "takes an account that exists. With a personal `inviteCode` from the instructor's roster invites: claims that "
                            + "rostered account, sets its password and signs it in; each invite code works once. Failed attempts are "
                            + "throttled per client address and per course (429 with Retry-After).")
    @APIResponse(
            responseCode = "201",
            description = "Joined and signed in.",
            content = @Content(schema = @Schema(implementation = AccountViews.Session.class)))
    @APIResponse(responseCode = "401", description = "A bearer token was sent, but it is unknown, expired or revoked.")
    @APIResponse(responseCode = "403", description = "The join or invite code does not match.")
    @APIResponse(
            responseCode = "409",
            description = "The login has an account already: sign in, or use your personal invite code.")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; try again after Retry-After seconds.")
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

    @GET
    @Path("/courses/{slug}/join-code")
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "getJoinCode",
            summary = "The join code of the course's current run (instructors)",
            description =
                    "The code students join the current run with; null until an instructor sets one. Each run has its own code "
                            + "(see /runs); the code a student joins with says which run they take.")
    @APIResponse(
            responseCode = "200",
            description = "The code; null until one is set.",
            content = @Content(schema = @Schema(implementation = EnrollmentViews.JoinCode.class)))
    public EnrollmentViews.JoinCode joinCode(@PathParam("slug") String slug) {
        return new EnrollmentViews.JoinCode(enrollments.joinCode(PathParams.slug("slug", slug)));
    }

    @PUT
    @Path("/courses/{slug}/join-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "setJoinCode",
            summary = "Set or regenerate the join code of the course's current run (instructors)",
            description = "Leave `code` out for a random one. The old code stops working at once.")
    @APIResponse(
            responseCode = "200",
            description = "The code now in force.",
            content = @Content(schema = @Schema(implementation = EnrollmentViews.JoinCode.class)))
    public EnrollmentViews.JoinCode setJoinCode(
            @PathParam("slug") String slug, @NotNull @Valid EnrollmentViews.JoinCode request) {
        return new EnrollmentViews.JoinCode(enrollments.setJoinCode(PathParams.slug("slug", slug), request.code()));
    }

    @GET
    @Path("/courses/{slug}/roster/invites")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "listRosterInvites",
            summary = "Rostered students who have not joined yet, and whether each has an invite (instructors)",
            description =
                    "Students the roster named who have no password and have not signed in with GitHub, by login. "
                            + "Invite codes are shown once, when issued (POST on this address); `invite` and `link` are null here.")
    @APIResponse(
            responseCode = "200",
            description = "The students who have yet to join.",
            content =
                    @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EnrollmentViews.Invite.class)))
    public List<EnrollmentViews.Invite> pendingInvites(@PathParam("slug") String slug) {
        return enrollments.pendingInvites(PathParams.slug("slug", slug));
    }

    @POST
    @Path("/courses/{slug}/roster/invites")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "createRosterInvites",
            summary = "New personal invite codes for rostered students who have not joined (instructors)",
            description =
                    "One row per rostered student without a password yet (or only `login`'s): login, name, invite code and "
                            + "invite link (the web client's sign-in page, SYLLABUS_PUBLIC_URL). Each call issues new codes and the "
                            + "earlier ones of those students stop working; each code claims its own account, once. CSV by default; "
                            + "`Accept: application/json` for JSON.")
    @APIResponse(
            responseCode = "200",
            description = "The invites.",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        example =
                                "login,name,invite,link\nada,Ada Lovelace,Q7RT3KX9MP2W,http://localhost:5173/signin?course=ml-in-production&login=ada&invite=Q7RT3KX9MP2W\n"),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = EnrollmentViews.Invite.class))
            })
    @APIResponse(
            responseCode = "404",
            description = "No such course, or `login` is not a rostered student who has yet to join.")
    public Response invites(
            @PathParam("slug") String slug,
            @Parameter(
                            description = "Only this student's invite (a rostered login that has yet to join)",
                            schema = @Schema(pattern = Names.GITHUB_LOGIN, maxLength = 39))
                    @QueryParam("login")
                    String login,
            HttpHeaders headers) {
        String course = PathParams.slug("slug", slug);
        String student = login == null ? null : PathParams.login("login", login).toLowerCase(Locale.ROOT);
        List<EnrollmentViews.Invite> invites = enrollments.issueInvites(course, student);
        if (Negotiation.preferred(headers, CSV_TYPE, MediaType.APPLICATION_JSON_TYPE)
                == MediaType.APPLICATION_JSON_TYPE) {
            return Response.ok(invites, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(EnrollmentService.csv(invites), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-invites.csv\"")
                .build();
    }

    private static final MediaType CSV_TYPE = MediaType.valueOf("text/csv");
}
