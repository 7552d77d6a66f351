package dev.syllabus.course;

import dev.syllabus.http.IfMatch;
import dev.syllabus.http.PathParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** Instructors replace a course's content with one Markdown page, checked like the files are. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
public class CourseContentResource {

    private final CourseUploads uploads;

    CourseContentResource(CourseUploads uploads) {
        this.uploads = uploads;
    }

    @PUT
    @Path("/courses/{slug}/content")
    @Consumes({CourseCatalog.MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public RestResponse<CourseViews.PublishedUpload> replace(
            @PathParam("slug") String slug, @HeaderParam(IfMatch.HEADER) String ifMatch, String markdown) {
        IfMatch basedOn = IfMatch.parse(ifMatch);
        // The course's version, or the entity tag of any of its documents (the agenda the page was edited from).
        CourseViews.PublishedUpload published = uploads.replace(
                PathParams.slug("slug", slug),
                markdown == null ? "" : markdown,
                version -> basedOn.admitsAny(
                        tag -> CourseCatalog.contentVersionOf(tag).equals(version)));
        return RestResponse.ResponseBuilder.ok(published)
                .header(HttpHeaders.ETAG, '"' + published.course().version() + '"')
                .build();
    }

    @POST
    @Path("/courses/{slug}/content/check")
    @Consumes({CourseCatalog.MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public CourseViews.PublishedUpload check(@PathParam("slug") String slug, String markdown) {
        return uploads.check(PathParams.slug("slug", slug), markdown == null ? "" : markdown);
    }
}
