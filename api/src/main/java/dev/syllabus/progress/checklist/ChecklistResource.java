package dev.syllabus.progress.checklist;

import dev.syllabus.account.CurrentAccount;
import dev.syllabus.domain.DomainException;
import dev.syllabus.http.IfMatch;
import dev.syllabus.http.PathParams;
import dev.syllabus.progress.schedule.CalendarService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** A student's own checklist, and instructors' view of any student's. */
// One root for every resource under /api: JAX-RS picks the most specific class path first, and
// a longer one would hide CourseResource's routes.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
// Ticks wait on the database: on virtual threads (Java 25 no longer pins them in synchronized,
// JEP 491) many wait at once without a worker each. make bench: 2,194 ticks/s against 1,027 on the
// worker pool (0.81 against 0.39 of pgbench).
@RunOnVirtualThread
public class ChecklistResource {

    private static final String ITEM = "/courses/{slug}/checklist/{group}/{item}/done";
    private static final String STUDENT_ITEM = "/courses/{slug}/students/{login}/checklist/{group}/{item}/done";

    private final ChecklistService checklists;
    private final ChecklistMarks marks;
    private final CalendarService calendars;
    private final CurrentAccount current;

    ChecklistResource(
            ChecklistService checklists, ChecklistMarks marks, CalendarService calendars, CurrentAccount current) {
        this.checklists = checklists;
        this.marks = marks;
        this.calendars = calendars;
        this.current = current;
    }

    @GET
    @Path("/courses/{slug}/checklist")
    @RolesAllowed("STUDENT")
    public ChecklistViews.Checklist myChecklist(@PathParam("slug") String slug) {
        return checklists.checklist(PathParams.slug("slug", slug), current.id());
    }

    @PUT
    @Path(ITEM)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("STUDENT")
    public Response markDone(
            @PathParam("slug") String slug,
            @PathParam("group") String group,
            @PathParam("item") String item,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid ChecklistViews.DoneRequest body) {
        long me = current.id();
        return respond(marks.mark(
                PathParams.slug("slug", slug),
                me,
                Mark.byStudent(me, itemId(group, item), true, evidence(body), IfMatch.parse(ifMatch)::admits)));
    }

    @DELETE
    @Path(ITEM)
    @RolesAllowed("STUDENT")
    public Response markNotDone(
            @PathParam("slug") String slug,
            @PathParam("group") String group,
            @PathParam("item") String item,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        long me = current.id();
        return respond(marks.mark(
                PathParams.slug("slug", slug),
                me,
                Mark.byStudent(me, itemId(group, item), false, null, IfMatch.parse(ifMatch)::admits)));
    }

    @GET
    @Path("/courses/{slug}/students/{login}/checklist")
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public ChecklistViews.Checklist studentChecklist(@PathParam("slug") String slug, @PathParam("login") String login) {
        return checklists.studentChecklist(PathParams.slug("slug", slug), login);
    }

    @PUT
    @Path(STUDENT_ITEM)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    public Response markStudentItemDone(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @PathParam("group") String group,
            @PathParam("item") String item,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid ChecklistViews.DoneRequest body) {
        return respond(marks.markFor(
                PathParams.slug("slug", slug),
                login,
                Mark.byInstructor(
                        current.id(),
                        itemId(group, item),
                        true,
                        evidence(body),
                        IfMatch.parse(ifMatch)::admits,
                        body == null ? null : body.note())));
    }

    @DELETE
    @Path(STUDENT_ITEM)
    @RolesAllowed("INSTRUCTOR")
    public Response markStudentItemNotDone(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @PathParam("group") String group,
            @PathParam("item") String item,
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @QueryParam("note") String note) {
        if (note != null && note.length() > ChecklistViews.NOTE_LENGTH) {
            throw DomainException.invalid("note", "must be at most " + ChecklistViews.NOTE_LENGTH + " characters");
        }
        return respond(marks.markFor(
                PathParams.slug("slug", slug),
                login,
                Mark.byInstructor(
                        current.id(), itemId(group, item), false, null, IfMatch.parse(ifMatch)::admits, note)));
    }

    @POST
    @Path("/courses/{slug}/checklist/calendar-url")
    @RolesAllowed("STUDENT")
    public ChecklistViews.CalendarFeed renewCalendarUrl(@PathParam("slug") String slug) {
        return new ChecklistViews.CalendarFeed(calendars.newCalendarUrl(PathParams.slug("slug", slug), current.id()));
    }

    private static String evidence(ChecklistViews.DoneRequest body) {
        return body == null ? null : body.evidence();
    }

    private static String itemId(String group, String item) {
        if (!group.matches("setup|[Hh]\\d{1,4}") || !item.matches("[A-Za-z0-9-]{1,50}")) {
            throw DomainException.invalid("item", "must be an item id such as H3/PR2 or setup/<name>");
        }
        return group.equals("setup")
                ? "setup/" + item
                : group.toUpperCase(Locale.ROOT) + "/" + item.toUpperCase(Locale.ROOT);
    }

    private static Response respond(ChecklistViews.Item item) {
        return Response.ok(item)
                .header(HttpHeaders.ETAG, ChecklistService.etag(item.version()))
                .build();
    }
}
