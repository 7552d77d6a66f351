package dev.syllabus.course;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PathParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Instructors create and edit a course's runs. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
public class CourseRunResource {

    private final CourseRuns runs;

    CourseRunResource(CourseRuns runs) {
        this.runs = runs;
    }

    @GET
    @Path("/courses/{slug}/runs")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public List<CourseRunViews.RunView> list(@PathParam("slug") String slug) {
        return runs.list(PathParams.slug("slug", slug));
    }

    @GET
    @Path("/courses/{slug}/runs/{run}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public CourseRunViews.RunView get(@PathParam("slug") String slug, @PathParam("run") String run) {
        return runs.get(PathParams.slug("slug", slug), runOrCurrent(run));
    }

    @PUT
    @Path("/courses/{slug}/runs/{run}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public Response put(
            @PathParam("slug") String slug,
            @PathParam("run") String run,
            @NotNull @Valid CourseRunViews.RunRequest request) {
        CourseRuns.Saved saved = runs.put(PathParams.slug("slug", slug), runOrCurrent(run), request);
        return saved.created()
                ? Response.created(URI.create(
                                "/api/courses/" + slug + "/runs/" + saved.run().name()))
                        .entity(saved.run())
                        .build()
                : Response.ok(saved.run()).build();
    }

    /** A run's name in an address: a slug of at most 40 characters. */
    public static final String RUN_NAME = Names.SLUG;

    /** In an address, the course's current run (the latest that has started), whatever its name. */
    public static final String CURRENT = "current";

    /** The run an address names: null for {@value #CURRENT}, else its name (see {@link #runName}). */
    public static String runOrCurrent(String run) {
        return CURRENT.equals(run) ? null : runName(run);
    }

    /** A run's name: a slug of at most 40 characters. */
    public static String runName(String run) {
        String name = PathParams.slug("run", run);
        if (name.length() > Names.RUN_NAME_MAX_LENGTH) {
            throw DomainException.invalid("run", "must be at most " + Names.RUN_NAME_MAX_LENGTH + " characters");
        }
        return name;
    }
}
