package dev.syllabus.progress.schedule;

import dev.syllabus.course.CourseRunResource;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.domain.DomainException;
import dev.syllabus.http.PathParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Calendars (RFC 5545) for calendar apps: a course run's public one, and each student's private feed. */
@Path("/api")
public class CalendarResource {

    static final String ICALENDAR = "text/calendar";

    private final CalendarService calendars;
    private final CourseRuns runs;

    CalendarResource(CalendarService calendars, CourseRuns runs) {
        this.calendars = calendars;
        this.runs = runs;
    }

    @GET
    @Path("/courses/{slug}/calendar.ics")
    @Produces(ICALENDAR)
    @PermitAll
    public Response courseCalendar(@PathParam("slug") String slug) {
        return ics(calendars.courseCalendar(PathParams.slug("slug", slug), null), slug);
    }

    @GET
    @Path("/courses/{slug}/runs/{run}/calendar.ics")
    @Produces(ICALENDAR)
    @PermitAll
    public Response runCalendar(@PathParam("slug") String slug, @PathParam("run") String run) {
        String course = PathParams.slug("slug", slug);
        String name = CourseRunResource.runOrCurrent(run);
        return name == null
                ? ics(calendars.courseCalendar(course, null), slug)
                : ics(calendars.courseCalendar(course, runs.namedIn(course, name)), slug + "-" + name);
    }

    @GET
    @Path("/calendars/{token}.ics")
    @Produces(ICALENDAR)
    @PermitAll
    public Response studentCalendar(@PathParam("token") String token) {
        if (!token.matches(CalendarFeeds.TOKEN_PATTERN)) {
            throw DomainException.invalid("token", "must be a calendar address from a checklist's calendarUrl");
        }
        return ics(
                calendars
                        .calendarFeed(token)
                        .orElseThrow(() ->
                                DomainException.notFound("No calendar at this address (it may have been replaced).")),
                "syllabus");
    }

    private static Response ics(String calendar, String name) {
        return Response.ok(calendar, ICALENDAR + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }
}
