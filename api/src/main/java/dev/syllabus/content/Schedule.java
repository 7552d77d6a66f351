package dev.syllabus.content;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A course's timetable rules, from the {@code [schedule]} table of {@code course.toml}: when
 * homework is due unless its section says otherwise, when each week's webinar takes place, what a
 * late pass costs in the gradebook, and where the first run starts. Dates themselves come from a run.
 */
public record Schedule(
        DueRule due,

        DayOfWeek webinarDay,

        LocalTime webinarTime,

        int webinarMinutes,

        int latePenalty,

        LocalDate firstRunStart,

        String timeZone) {

    public static final Schedule DEFAULT = new Schedule(DueRule.END_OF_WEEK, null, null, 90, 0, null, "UTC");
    static final String TABLE = "schedule";
    private static final List<String> KEYS =
            List.of("due", "webinar", "webinar_minutes", "late_penalty", "start", "time_zone");

    public Schedule {
        due = due == null ? DueRule.END_OF_WEEK : due;
        timeZone = timeZone == null ? "UTC" : timeZone;
        webinarTime = webinarDay == null ? null : webinarTime;
    }

    /** Reads the {@code [schedule]} table; anything malformed is reported against {@code file} and left at its default. */
    static Schedule read(Object table, String file, List<ContentIssue> issues) {
        if (table == null) {
            return DEFAULT;
        }
        if (!(table instanceof Map<?, ?> fields)) {
            issues.add(new ContentIssue(
                    file, 0, "'schedule' must be a table: [schedule] with due, webinar, start, time_zone, ..."));
            return DEFAULT;
        }
        for (Object key : fields.keySet()) {
            if (!KEYS.contains(key)) {
                issues.add(new ContentIssue(
                        file, 0, "[schedule] has no setting '" + key + "': use one of " + String.join(", ", KEYS)));
            }
        }
        DueRule due = text(fields, "due")
                .map(text -> DueRule.parse(text).orElseGet(() -> {
                    issues.add(new ContentIssue(
                            file, 0, "schedule.due: '" + text + "' is not a due rule: write " + DueRule.FORMS));
                    return null;
                }))
                .orElse(null);
        if (due != null && due.week() != null) {
            issues.add(new ContentIssue(
                    file, 0, "schedule.due names week " + due.week() + ": a default must be relative, like '+6 days'"));
            due = null;
        }
        DayOfWeek webinarDay = null;
        LocalTime webinarTime = null;
        Optional<String> webinar = text(fields, "webinar");
        if (webinar.isPresent()) {
            Optional<DueRule> slot = DueRule.parse("week 1 " + webinar.get());
            if (slot.isEmpty()) {
                issues.add(new ContentIssue(
                        file,
                        0,
                        "schedule.webinar: '" + webinar.get() + "' is not a weekday and time like 'Saturday 10:00'"));
            } else {
                webinarDay = slot.get().weekday();
                webinarTime = slot.get().time();
            }
        }
        int minutes = number(fields, "webinar_minutes", 90, 1, 24 * 60, file, issues);
        int penalty = number(fields, "late_penalty", 0, 0, 100, file, issues);
        LocalDate start = text(fields, "start")
                .map(text -> {
                    try {
                        return LocalDate.parse(text);
                    } catch (DateTimeException e) {
                        issues.add(new ContentIssue(
                                file, 0, "schedule.start: '" + text + "' is not a date like 2026-09-07"));
                        return null;
                    }
                })
                .orElse(null);
        String zone = text(fields, "time_zone")
                .filter(text -> {
                    boolean known = isTimeZone(text);
                    if (!known) {
                        issues.add(new ContentIssue(
                                file,
                                0,
                                "schedule.time_zone: '" + text + "' is not an IANA time zone like Europe/Kyiv"));
                    }
                    return known;
                })
                .orElse(null);
        return new Schedule(due, webinarDay, webinarTime, minutes, penalty, start, zone);
    }

    public static boolean isTimeZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static Optional<String> text(Map<?, ?> fields, String key) {
        Object value = fields.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private static int number(
            Map<?, ?> fields, String key, int fallback, int min, int max, String file, List<ContentIssue> issues) {
        Object value = fields.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number
                && number.doubleValue() == number.intValue()
                && number.intValue() >= min
                && number.intValue() <= max) {
            return number.intValue();
        }
        issues.add(new ContentIssue(file, 0, "schedule." + key + " must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /** The table as TOML writes it, or null when it says nothing beyond the defaults. */
    Map<String, Object> table() {
        if (equals(DEFAULT)) {
            return null;
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("due", due.text());
        if (webinarDay != null) {
            table.put("webinar", webinarDay.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + webinarTime);
        }
        table.put("webinar_minutes", webinarMinutes);
        table.put("late_penalty", latePenalty);
        if (firstRunStart != null) {
            table.put("start", firstRunStart.toString());
        }
        table.put("time_zone", timeZone);
        return table;
    }
}
