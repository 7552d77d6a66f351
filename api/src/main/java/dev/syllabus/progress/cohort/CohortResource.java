package dev.syllabus.progress.cohort;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.course.CourseRunResource;
import dev.syllabus.domain.DomainException;
import dev.syllabus.http.Negotiation;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The instructors' side: the whole cohort of a run, its standing per homework, its gradebook. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
public class CohortResource {

    private static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    private final CohortService cohorts;
    private final ObjectMapper mapper;

    CohortResource(CohortService cohorts, ObjectMapper mapper) {
        this.cohorts = cohorts;
        this.mapper = mapper;
    }

    @GET
    @Path("/courses/{slug}/cohort")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public Response cohort(
            @PathParam("slug") String slug, @BeanParam CohortQuery query, HttpHeaders headers, UriInfo uri) {
        return cohortOf(slug, null, query, headers, uri);
    }

    @GET
    @Path("/courses/{slug}/runs/{run}/cohort")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public Response runCohort(
            @PathParam("slug") String slug,
            @PathParam("run") String run,
            @BeanParam CohortQuery query,
            HttpHeaders headers,
            UriInfo uri) {
        return cohortOf(slug, CourseRunResource.runOrCurrent(run), query, headers, uri);
    }

    @GET
    @Path("/courses/{slug}/cohort/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public List<CohortSummary.Homework> summary(
            @PathParam("slug") String slug, @QueryParam("run") String run, @QueryParam("week") String week) {
        String course = PathParams.slug("slug", slug);
        Integer weekNumber = week == null || week.isEmpty() ? null : PathParams.number("week", week, 1000);
        CohortService.Filter filter = new CohortService.Filter(weekNumber, null, null, null);
        return CohortSummary.of(
                cohorts.cohort(course, run == null ? null : CourseRunResource.runName(run), filter)
                        .rows(),
                Instant.now());
    }

    private static final String COHORT =
            "Paged with `page` and `size` (Link headers, X-Total-Count); filter by `week` (only its homework), `status` "
                    + "(students with a homework in that status), `source` (students with a tick GitHub, they or an instructor vouch for) and "
                    + "`late` (students with a homework passed after its due date). Each cell says whether the homework passed late and when it is "
                    + "due for that student. With `Accept: text/csv` the whole filtered cohort comes as CSV (a late pass reads PASSED_LATE).";

    private Response cohortOf(String slug, String run, CohortQuery query, HttpHeaders headers, UriInfo uri) {
        String course = PathParams.slug("slug", slug);
        CohortService.Filter filter = query.filter();
        Integer weekNumber = filter.week();
        CohortCache.Computed cohort = cohorts.cohort(course, run, filter);
        if (Negotiation.preferred(headers, MediaType.APPLICATION_JSON_TYPE, CSV_TYPE) == CSV_TYPE) {
            byte[] csv = cohorts.rendered(
                    cohort, CSV, rows -> cohorts.csv(course, rows, weekNumber).getBytes(StandardCharsets.UTF_8));
            return Response.ok(csv, CSV + ";charset=UTF-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + course + (run == null ? "" : "-" + run) + "-cohort.csv\"")
                    .build();
        }
        // Pages are sent as rendered once per computed cohort: an instructor paging, or many, cost no re-rendering.
        PageRequest request = PageRequest.of(query.page, query.size);
        byte[] page = cohorts.rendered(cohort, request, rows -> json(request.slice(rows)));
        return request.headers(
                        Response.ok(page, MediaType.APPLICATION_JSON),
                        uri,
                        cohort.rows().size())
                .build();
    }

    @GET
    @Path("/courses/{slug}/gradebook")
    @Produces(CSV)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public Response gradebook(@PathParam("slug") String slug, @QueryParam("format") String format) {
        return gradebookOf(slug, null, format);
    }

    @GET
    @Path("/courses/{slug}/runs/{run}/gradebook")
    @Produces(CSV)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public Response runGradebook(
            @PathParam("slug") String slug, @PathParam("run") String run, @QueryParam("format") String format) {
        return gradebookOf(slug, CourseRunResource.runOrCurrent(run), format);
    }

    private static final String GRADEBOOK =
            "One row per student of the run, one column per homework. Scores: passed on time 100; "
                    + "passed late 100 less the course's late penalty (course.toml's schedule.late_penalty), marked late (Canvas: the Notes "
                    + "column; Moodle: the homework's feedback column); not passed once due 0; not passed and not yet due blank (an import "
                    + "leaves the cell alone). docs/instructors/dates.md gives each platform's import steps.";

    private Response gradebookOf(String slug, String run, String format) {
        String course = PathParams.slug("slug", slug);
        if (format == null || format.isEmpty()) {
            throw DomainException.invalid("format", "is required: canvas or moodle");
        }
        Gradebook.Format layout = PathParams.oneOf("format", format, Gradebook.Format.class);
        String name =
                course + (run == null ? "" : "-" + run) + "-" + layout.name().toLowerCase(Locale.ROOT) + "-grades.csv";
        return Response.ok(cohorts.gradebook(course, run, layout), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** JSON as the REST layer would write it: the same, configured mapper. */
    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
