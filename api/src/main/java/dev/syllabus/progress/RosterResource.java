package dev.syllabus.progress;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PathParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The roster: who is in the course, uploaded as CSV, and the accounts it finds in conflict. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
@SecurityRequirement(name = "bearer")
@Tag(name = "Cohort", description = "Instructors see and manage the whole cohort.")
public class RosterResource {

    private static final String CSV = "text/csv";

    private final RosterService rosters;

    RosterResource(RosterService rosters) {
        this.rosters = rosters;
    }

    @POST
    @Path("/courses/{slug}/roster")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @Operation(
            operationId = "uploadRoster",
            summary = "Upload the roster: CSV with login (GitHub), name, email (instructors)",
            description =
                    "Creates the students who have no account yet (they set a password when they join with the join code) "
                            + "and enrols everyone. All rows are checked first: one bad row rejects the upload with 422 listing every problem.")
    @APIResponse(
            responseCode = "200",
            description = "What changed.",
            content = @Content(schema = @Schema(implementation = CohortViews.RosterResult.class)))
    @APIResponse(responseCode = "422", description = "Rows with problems; nothing was changed.")
    public CohortViews.RosterResult roster(@PathParam("slug") String slug, String csv) {
        return rosters.upload(PathParams.slug("slug", slug), csv == null ? "" : csv);
    }

    @POST
    @Path("/courses/{slug}/roster/conflicts/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @Operation(
            operationId = "resolveRosterConflict",
            summary = "Keep or reset a self-joined account the roster names (instructors)",
            description =
                    "A roster line whose login someone joined under with a password, unproven, is reported as a conflict and left alone. "
                            + "KEEP takes the account onto the roster as it is; RESET makes it a rostered account nobody has claimed: its "
                            + "password, email, calendar address, tokens and own ticks go, and the student claims it with an invite or with GitHub.")
    @APIResponse(
            responseCode = "200",
            description = "Done.",
            content = @Content(schema = @Schema(implementation = CohortViews.RosterConflictResolution.class)))
    @APIResponse(responseCode = "404", description = "No such course, or no student account under that login.")
    @APIResponse(responseCode = "409", description = "That account is not in conflict with the roster.")
    public CohortViews.RosterConflictResolution resolveRosterConflict(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @NotNull @Valid CohortViews.RosterConflictChoice request) {
        if (!Names.isGithubLogin(login)) {
            throw DomainException.invalid("login", "must be a GitHub login");
        }
        return rosters.resolve(PathParams.slug("slug", slug), login.toLowerCase(Locale.ROOT), request.choice());
    }
}
