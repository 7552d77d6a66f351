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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Instructors replace a course's content with one Markdown page, checked like the files are. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
@Tag(name = "Curriculum")
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
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "replaceCourseContent",
            summary = "Replace a course's content with one Markdown page (instructors)",
            description =
                    "The page follows the content conventions (the agenda with week parts under each week, as `GET .../agenda` "
                            + "with `Accept: text/markdown` writes it). It goes through the same content check: any problem answers 422 "
                            + "listing every one and changes nothing. Otherwise it replaces the course at once; progress on items that "
                            + "still exist is kept (and shows again if a removed item returns); the answer lists the check's warnings, "
                            + "among them the homework and tasks the upload takes off every checklist. With `If-Match` "
                            + "naming the version the page was based on, it refuses (412) to replace a course someone "
                            + "published since. A later change of the course's files replaces the upload again.")
    @APIResponse(
            responseCode = "200",
            description = "The course as now published, with the content check's warnings.",
            headers =
                    @Header(
                            name = HttpHeaders.ETAG,
                            description = "The course's new content version, quoted: the If-Match of the next upload.",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CourseViews.PublishedUpload.class)))
    @APIResponse(
            responseCode = "412",
            description =
                    "The course is no longer at the version If-Match names: someone published since. Nothing changed.")
    @APIResponse(responseCode = "422", ref = "ContentRefused")
    public RestResponse<CourseViews.PublishedUpload> replace(
            @PathParam("slug") String slug,
            @Parameter(
                            description =
                                    "Publish only over this content version: the course's `version`, quoted, as the "
                                            + "course list, the agenda and an upload's answer (and its ETag) give it, or the "
                                            + "ETag of the agenda the page was edited from (either media type); or `*`. "
                                            + "Without it, the page replaces whatever is published.",
                            example = "\"3f2a9c1d0b7e4a65\"")
                    @HeaderParam(IfMatch.HEADER)
                    String ifMatch,
            String markdown) {
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
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "checkCourseContent",
            summary = "Check a Markdown page as a course's content without publishing it (instructors)",
            description =
                    "Runs the content check `PUT .../content` runs and changes nothing: any problem answers 422 listing "
                            + "every one; otherwise the answer is the course as publishing the page would make it, with the "
                            + "check's warnings, among them the homework and tasks it would take off every checklist.")
    @APIResponse(
            responseCode = "200",
            description = "The course as publishing the page would make it, with the content check's warnings.",
            content = @Content(schema = @Schema(implementation = CourseViews.PublishedUpload.class)))
    @APIResponse(responseCode = "422", ref = "ContentRefused")
    public CourseViews.PublishedUpload check(@PathParam("slug") String slug, String markdown) {
        return uploads.check(PathParams.slug("slug", slug), markdown == null ? "" : markdown);
    }
}
