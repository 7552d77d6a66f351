package dev.syllabus.course;

import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.domain.DomainException;
import dev.syllabus.http.Negotiation;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
import dev.syllabus.http.Representation;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The public, read-only curriculum. Every answer comes pre-serialised from the {@link CourseCatalog},
 * so these methods run on the event loop and never wait for the database.
 */
@Path("/api")
@NonBlocking
public class CourseResource {

    private static final String SLUG_EXAMPLE = "ml-in-production";
    private static final MediaType MARKDOWN = MediaType.valueOf(CourseCatalog.MARKDOWN);

    private final CourseCatalog catalog;
    private final SyllabusConfig config;

    CourseResource(CourseCatalog catalog, SyllabusConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    @GET
    @Path("/courses")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listCourses(
            @QueryParam("page") String page, @QueryParam("size") String size, HttpHeaders headers, UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        CourseCatalog.Snapshot snapshot = catalog.current();
        List<CourseViews.CourseSummary> all = snapshot.summaries();
        String version = snapshot.listVersion() + "-" + request.page() + "-" + request.size();
        Representation representation = catalog.json(request.slice(all), version);
        return request.headers(representation.evaluate(headers), uri, all.size())
                .build();
    }

    @GET
    @Path("/courses/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response getCourse(@PathParam("slug") String slug, HttpHeaders headers) {
        return course(slug).overview().respond(headers);
    }

    @GET
    @Path("/courses/{slug}/agenda")
    @Produces({MediaType.APPLICATION_JSON, CourseCatalog.MARKDOWN})
    public Response getCourseAgenda(@PathParam("slug") String slug, HttpHeaders headers) {
        return agenda(course(slug), headers);
    }

    @GET
    @Path("/agenda")
    @Produces({MediaType.APPLICATION_JSON, CourseCatalog.MARKDOWN})
    public Response getDefaultAgenda(HttpHeaders headers) {
        String slug = config.defaultCourse();
        PublishedCourse course = catalog.find(slug)
                .orElseThrow(() -> DomainException.notFound("The default course '" + slug + "' is not published."));
        return agenda(course, headers);
    }

    @GET
    @Path("/courses/{slug}/weeks")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listWeeks(@PathParam("slug") String slug, HttpHeaders headers) {
        return course(slug).weeks().respond(headers);
    }

    @GET
    @Path("/courses/{slug}/weeks/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response getWeek(@PathParam("slug") String slug, @PathParam("number") String number, HttpHeaders headers) {
        PublishedCourse course = course(slug);
        int wanted = PathParams.number("number", number, 9999);
        return course.week(wanted)
                .orElseThrow(() -> DomainException.notFound("Course '" + slug + "' has no week " + wanted + "."))
                .respond(headers);
    }

    @GET
    @Path("/courses/{slug}/homework")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listHomework(@PathParam("slug") String slug, HttpHeaders headers) {
        return course(slug).homeworkList().respond(headers);
    }

    @GET
    @Path("/courses/{slug}/homework/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response getHomework(@PathParam("slug") String slug, @PathParam("code") String code, HttpHeaders headers) {
        PublishedCourse course = course(slug);
        String wanted = PathParams.homeworkCode("code", code);
        return course.homework(wanted)
                .orElseThrow(() -> DomainException.notFound("Course '" + slug + "' has no homework " + wanted + "."))
                .respond(headers);
    }

    private PublishedCourse course(String slug) {
        PathParams.slug("slug", slug);
        return catalog.find(slug).orElseThrow(() -> Courses.notFound(slug));
    }

    /** JSON unless the client prefers Markdown; both carry their own entity tag. */
    private static Response agenda(PublishedCourse course, HttpHeaders headers) {
        MediaType chosen = Negotiation.preferred(headers, MediaType.APPLICATION_JSON_TYPE, MARKDOWN);
        return (chosen == MARKDOWN ? course.agendaMarkdown() : course.agenda()).respond(headers);
    }
}
