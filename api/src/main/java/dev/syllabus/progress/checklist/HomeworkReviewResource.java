package dev.syllabus.progress.checklist;

import dev.syllabus.account.CurrentAccount;
import dev.syllabus.domain.DomainException;
import dev.syllabus.http.PathParams;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Instructors' judgement of a student's homework: reviews, and a deadline moved for one student. */
// One root for every resource under /api (see ChecklistResource).
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class HomeworkReviewResource {

    private static final String EXTENSION = "/courses/{slug}/students/{login}/homework/{code}/extension";

    private final ReviewService reviews;
    private final CurrentAccount current;

    HomeworkReviewResource(ReviewService reviews, CurrentAccount current) {
        this.reviews = reviews;
        this.current = current;
    }

    @POST
    @Path("/courses/{slug}/students/{login}/homework/{code}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public Response review(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @PathParam("code") String code,
            @NotNull @Valid ChecklistViews.ReviewRequest request) {
        ChecklistViews.Review review = reviews.review(
                PathParams.slug("slug", slug), login, PathParams.homeworkCode("code", code), current.id(), request);
        return Response.status(Response.Status.CREATED).entity(review).build();
    }

    @PUT
    @Path(EXTENSION)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public ChecklistViews.HomeworkProgress extend(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @PathParam("code") String code,
            @NotNull @Valid ChecklistViews.ExtensionRequest request) {
        int year = request.due().getYear();
        if (year < 2000 || year > 2200) {
            throw DomainException.invalid("due", "must be a time between the years 2000 and 2200");
        }
        return reviews.extend(
                PathParams.slug("slug", slug),
                login,
                PathParams.homeworkCode("code", code),
                request.due().toInstant(),
                current.id());
    }

    @DELETE
    @Path(EXTENSION)
    @RolesAllowed("INSTRUCTOR")
    public ChecklistViews.HomeworkProgress removeExtension(
            @PathParam("slug") String slug, @PathParam("login") String login, @PathParam("code") String code) {
        return reviews.extend(
                PathParams.slug("slug", slug), login, PathParams.homeworkCode("code", code), null, current.id());
    }
}
