package dev.syllabus.progress.enrolment;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PathParams;
import dev.syllabus.progress.cohort.CohortViews;
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

/** The roster: who is in the course, uploaded as CSV, and the accounts it finds in conflict. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
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
    public CohortViews.RosterResult roster(@PathParam("slug") String slug, String csv) {
        return rosters.upload(PathParams.slug("slug", slug), csv == null ? "" : csv);
    }

    @POST
    @Path("/courses/{slug}/roster/conflicts/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
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
