package dev.syllabus.progress;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed what, when, in a course: checklist changes and reviews. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
@SecurityRequirement(name = "bearer")
@Tag(name = "Cohort", description = "Instructors see and manage the whole cohort.")
public class HistoryResource {

    private final HistoryService history;

    HistoryResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Path("/courses/{slug}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    @Operation(
            operationId = "getHistory",
            summary = "Who changed what, when: checklist changes and reviews, newest first (instructors)",
            description =
                    "Every checklist change and review in the course, newest first, paged; `student` narrows it to one student.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes.",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CohortViews.HistoryEntry.class)))
    public Response history(
            @PathParam("slug") String slug,
            @Parameter(description = "Only this student's changes") @QueryParam("student") String student,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("size")
                    String size,
            UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        if (student != null && !Names.isGithubLogin(student)) {
            throw DomainException.invalid("student", "must be a GitHub login");
        }
        HistoryService.HistoryPage found = history.history(
                PathParams.slug("slug", slug),
                student == null ? null : student.toLowerCase(Locale.ROOT),
                Page.of(request.index(), request.size()));
        return request.headers(Response.ok(found.entries(), MediaType.APPLICATION_JSON), uri, (int)
                        Math.min(Integer.MAX_VALUE, found.total()))
                .build();
    }
}
