package dev.syllabus.course;

import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.content.Course;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Week;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public, read-only curriculum. Every answer comes pre-serialised from the {@link CourseCatalog},
 * so these methods run on the event loop and never wait for the database.
 */
@Path("/api")
@NonBlocking
@Tag(name = "Curriculum", description = "Courses, their weeks, topics and homework, as published.")
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
    @Operation(
            operationId = "listCourses",
            summary = "List the courses",
            description =
                    "Paged with `page` and `size`; `Link` headers point to the other pages and `X-Total-Count` counts all courses.")
    @APIResponse(
            responseCode = "200",
            description = "The courses, by slug.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(type = SchemaType.ARRAY, implementation = CourseViews.CourseSummary.class)),
            headers = {
                @Header(
                        name = "Link",
                        description = "RFC 8288 links to the first, previous, next and last pages.",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "X-Total-Count",
                        description = "How many courses there are in all.",
                        schema = @Schema(type = SchemaType.INTEGER))
            })
    public Response listCourses(
            @Parameter(
                            description = "Page number, from 1.",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Courses per page.",
                            example = "20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("size")
                    String size,
            HttpHeaders headers,
            UriInfo uri) {
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
    @Operation(
            operationId = "getCourse",
            summary = "Get a course with a summary of its weeks",
            description =
                    "The course's principles, links, tools and homework rules, with a summary of each week. Carries the course's ETag; If-None-Match gets 304.")
    @APIResponse(
            responseCode = "200",
            description = "The course.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CourseViews.CourseOverview.class)))
    public Response getCourse(@Parameter(example = SLUG_EXAMPLE) @PathParam("slug") String slug, HttpHeaders headers) {
        return course(slug).overview().respond(headers);
    }

    @GET
    @Path("/courses/{slug}/agenda")
    @Produces({MediaType.APPLICATION_JSON, CourseCatalog.MARKDOWN})
    @Operation(
            operationId = "getCourseAgenda",
            summary = "Get a course's whole agenda in one document",
            description =
                    "Everything a page needs: the course, its weeks with topics, lectures and homework with tasks. "
                            + "With `Accept: text/markdown` the agenda comes back as one Markdown document that the importer reads back to the same course.")
    @APIResponse(
            responseCode = "200",
            description = "The agenda.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)),
                @Content(mediaType = CourseCatalog.MARKDOWN, schema = @Schema(type = SchemaType.STRING))
            })
    public Response getCourseAgenda(
            @Parameter(example = SLUG_EXAMPLE) @PathParam("slug") String slug, HttpHeaders headers) {
        return agenda(course(slug), headers);
    }

    @GET
    @Path("/agenda")
    @Produces({MediaType.APPLICATION_JSON, CourseCatalog.MARKDOWN})
    @Operation(
            operationId = "getDefaultAgenda",
            summary = "Get the default course's agenda",
            description =
                    "The same document as `/api/courses/{slug}/agenda` for the course named by the setting `syllabus.default-course`.")
    @APIResponse(
            responseCode = "200",
            description = "The agenda.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Course.class)),
                @Content(mediaType = CourseCatalog.MARKDOWN, schema = @Schema(type = SchemaType.STRING))
            })
    public Response getDefaultAgenda(HttpHeaders headers) {
        String slug = config.defaultCourse();
        PublishedCourse course = catalog.find(slug)
                .orElseThrow(() -> DomainException.notFound("The default course '" + slug + "' is not published."));
        return agenda(course, headers);
    }

    @GET
    @Path("/courses/{slug}/weeks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listWeeks",
            summary = "List a course's weeks with their full content",
            description =
                    "Every week of the course in order, each with its goal, topics, lectures, homework and webinar.")
    @APIResponse(
            responseCode = "200",
            description = "The weeks, in order.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Week.class)))
    public Response listWeeks(@Parameter(example = SLUG_EXAMPLE) @PathParam("slug") String slug, HttpHeaders headers) {
        return course(slug).weeks().respond(headers);
    }

    @GET
    @Path("/courses/{slug}/weeks/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getWeek",
            summary = "Get one week: topics, lectures, homework and webinar",
            description = "One week by its number, from 1: goal, topics, lectures, homework and webinar.")
    @APIResponse(
            responseCode = "200",
            description = "The week.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Week.class)))
    public Response getWeek(
            @Parameter(example = SLUG_EXAMPLE) @PathParam("slug") String slug,
            @Parameter(
                            description = "Week number, from 1.",
                            example = "3",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @PathParam("number")
                    String number,
            HttpHeaders headers) {
        PublishedCourse course = course(slug);
        int wanted = PathParams.number("number", number, 9999);
        return course.week(wanted)
                .orElseThrow(() -> DomainException.notFound("Course '" + slug + "' has no week " + wanted + "."))
                .respond(headers);
    }

    @GET
    @Path("/courses/{slug}/homework")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listHomework",
            summary = "List a course's homework with tasks and pass criteria",
            description = "Every homework of the course in course order, each with its tasks and pass criterion.")
    @APIResponse(
            responseCode = "200",
            description = "Every homework, in course order.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Homework.class)))
    public Response listHomework(
            @Parameter(example = SLUG_EXAMPLE) @PathParam("slug") String slug, HttpHeaders headers) {
        return course(slug).homeworkList().respond(headers);
    }

    @GET
    @Path("/courses/{slug}/homework/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getHomework",
            summary = "Get one homework by its code",
            description =
                    "One homework by its code (`H3`, case-insensitive): summary, tasks, reading list and pass criterion.")
    @APIResponse(
            responseCode = "200",
            description = "The homework.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Homework.class)))
    public Response getHomework(
            @Parameter(example = SLUG_EXAMPLE) @PathParam("slug") String slug,
            @Parameter(
                            description = "Homework code, such as H3 (case does not matter).",
                            example = "H3",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[Hh][0-9]{1,4}$"))
                    @PathParam("code")
                    String code,
            HttpHeaders headers) {
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
