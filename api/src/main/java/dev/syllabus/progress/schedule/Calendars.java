package dev.syllabus.progress.schedule;

import dev.syllabus.content.Course;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Run;
import dev.syllabus.content.Schedule;
import dev.syllabus.content.Week;
import dev.syllabus.progress.checklist.ChecklistViews;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A course run as iCalendar (RFC 5545), written by ical4j (escaping, line folding, CRLF): each week
 * as an all-day span, each webinar at the course's webinar time, each homework's deadline. A
 * student's own feed carries their deadlines (extensions included) with their statuses. UIDs are
 * derived from the course, run and homework, so calendar apps update events instead of duplicating them.
 */
final class Calendars {

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private Calendars() {}

    /** The public feed of a course's run: weeks, webinars and deadlines. */
    static String course(Course dated, String host, Instant now) {
        Calendar calendar = calendar(dated, dated.title(), now);
        weeksAndWebinars(calendar, dated, host, now);
        dated.homework()
                .filter(h -> h.due() != null)
                .forEach(homework -> calendar.add(deadline(
                        homework, homework.due(), zone(dated), uid("due-" + homework.code(), dated, host), "", now)));
        return write(calendar);
    }

    /** A student's private feed: weeks, webinars and their own deadlines with where they stand. */
    static String student(Course dated, ChecklistViews.Checklist checklist, String host, Instant now) {
        Calendar calendar = calendar(dated, dated.title() + " (" + checklist.student() + ")", now);
        weeksAndWebinars(calendar, dated, host, now);
        Map<String, Homework> homework = new HashMap<>();
        dated.homework().forEach(h -> homework.put(h.code(), h));
        for (ChecklistViews.HomeworkProgress progress : checklist.homework()) {
            Homework content = homework.get(progress.code());
            if (content == null || progress.due() == null) {
                continue;
            }
            String standing = " [" + label(progress) + "]";
            VEvent event = deadline(
                    content,
                    progress.due(),
                    zone(dated),
                    uid("due-" + progress.code() + "-" + checklist.student(), dated, host),
                    standing,
                    now);
            event.add(new Categories(label(progress)));
            calendar.add(event);
        }
        return write(calendar);
    }

    static String label(ChecklistViews.HomeworkProgress progress) {
        return progress.late() ? "PASSED LATE" : progress.status().name().replace('_', ' ');
    }

    private static Calendar calendar(Course dated, String name, Instant now) {
        Run run = dated.run();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Syllabus//Course calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", run == null ? name : name + ": " + run.title()));
        if (run != null) {
            calendar.add(new XProperty("X-WR-TIMEZONE", run.timeZone()));
            calendar.add(ZONES.getTimeZone(run.timeZone()).getVTimeZone());
        }
        return calendar;
    }

    private static void weeksAndWebinars(Calendar calendar, Course dated, String host, Instant now) {
        Run run = dated.run();
        if (run == null) {
            return;
        }
        ZoneId zone = zone(dated);
        Schedule schedule = dated.schedule();
        for (Week week : dated.weeks()) {
            VEvent span =
                    new VEvent(week.start(), week.end().plusDays(1), "Week " + week.number() + ": " + week.title());
            finish(span, uid("week-" + week.number(), dated, host), week.goal(), now);
            calendar.add(span);
            if (week.webinar() != null && schedule.webinarDay() != null) {
                LocalDate day = week.start().with(TemporalAdjusters.nextOrSame(schedule.webinarDay()));
                ZonedDateTime start = ZonedDateTime.of(day, schedule.webinarTime(), zone);
                VEvent webinar = new VEvent(
                        start,
                        Duration.ofMinutes(schedule.webinarMinutes()),
                        "Webinar, week " + week.number() + ": " + week.webinar().title());
                finish(
                        webinar,
                        uid("webinar-" + week.number(), dated, host),
                        week.webinar().body(),
                        now);
                calendar.add(webinar);
            }
        }
    }

    private static VEvent deadline(
            Homework homework, OffsetDateTime due, ZoneId zone, String uid, String standing, Instant now) {
        ZonedDateTime at = due.atZoneSameInstant(zone);
        VEvent event = new VEvent(at, Duration.ZERO, homework.code() + " due: " + homework.title() + standing);
        finish(event, uid, homework.summary(), now);
        return event;
    }

    private static ZoneId zone(Course dated) {
        return dated.run() == null ? ZoneOffset.UTC : ZoneId.of(dated.run().timeZone());
    }

    private static void finish(VEvent event, String uid, String description, Instant now) {
        event.getProperties().stream()
                .filter(p -> p instanceof DtStamp)
                .toList()
                .forEach(event::remove);
        event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Uid(uid));
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
    }

    private static String uid(String what, Course dated, String host) {
        String run = dated.run() == null ? "" : "." + dated.run().name();
        return (what + run + "." + dated.slug()).toLowerCase(Locale.ROOT) + "@" + host;
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
