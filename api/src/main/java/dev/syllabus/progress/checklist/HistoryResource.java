package dev.syllabus.progress.checklist;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
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

/** Who changed what, when, in a course: checklist changes and reviews. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
public class HistoryResource {

    private final HistoryService history;

    HistoryResource(HistoryService history) {
        this.history = history;
    }

    @GET
    @Path("/courses/{slug}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public Response history(
            @PathParam("slug") String slug,
            @QueryParam("student") String student,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        if (student != null && !Names.isAccountLogin(student)) {
            throw DomainException.invalid("student", "must be a GitHub login");
        }
        return request.answer(
                history.history(
                        PathParams.slug("slug", slug),
                        student == null ? null : student.toLowerCase(Locale.ROOT),
                        request.panache()),
                uri);
    }
}
