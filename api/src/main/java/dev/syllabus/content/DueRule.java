package dev.syllabus.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a homework is due, as its author wrote it on a {@code Due:} line: a number of days after its
 * week starts ({@code +10 days}, {@code +6 days 18:00}) or a weekday of a given week
 * ({@code week 3 Sunday 23:59}). Without a time, the end of the day (23:59) counts. Dates follow from
 * a course run's start, so one rule serves every run.
 *
 * @param week    the week of a weekday rule, or null for a rule relative to the homework's own week
 * @param weekday the day of a weekday rule, or null
 * @param days    days after the homework's week starts (relative rules only)
 * @param time    the local time of day in the run's time zone
 */
public record DueRule(Integer week, DayOfWeek weekday, int days, LocalTime time) {

    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
    /** Homework is due at the end of its week unless the content says otherwise. */
    public static final DueRule END_OF_WEEK = new DueRule(null, null, 6, END_OF_DAY);

    static final int MAX_DAYS = 366;
    /** The grammar, for messages: what a {@code Due:} line may say. */
    public static final String FORMS = "'+N days', '+N days HH:MM' or 'week N Weekday HH:MM'";

    static final String PATTERN = "^(\\+ ?\\d{1,3} ?days?|[Ww]eek \\d{1,3} [A-Za-z]{3,9})( (at )?\\d{1,2}:\\d{2})?$";
    private static final String TIME = "(?:\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2}))?";
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\+\\s*(\\d{1,3})\\s*days?" + TIME);
    private static final Pattern WEEKDAY = Pattern.compile("(?i)week\\s+(\\d{1,3})\\s+([a-z]+)" + TIME);

    public DueRule {
        time = time == null ? END_OF_DAY : time.withSecond(0).withNano(0);
    }

    /** Reads a rule, or empty when the text is none of the {@link #FORMS}. */
    public static Optional<DueRule> parse(String text) {
        String rule = text == null ? "" : text.strip().replaceFirst("\\.$", "");
        Matcher relative = RELATIVE.matcher(rule);
        if (relative.matches()) {
            int days = Integer.parseInt(relative.group(1));
            return days > MAX_DAYS
                    ? Optional.empty()
                    : time(relative.group(2), relative.group(3)).map(time -> new DueRule(null, null, days, time));
        }
        Matcher weekday = WEEKDAY.matcher(rule);
        if (weekday.matches()) {
            int week = Integer.parseInt(weekday.group(1));
            Optional<DayOfWeek> day = weekday(weekday.group(2));
            if (week < 1 || day.isEmpty()) {
                return Optional.empty();
            }
            return time(weekday.group(3), weekday.group(4)).map(time -> new DueRule(week, day.get(), 0, time));
        }
        return Optional.empty();
    }

    /** For Jackson: a rule travels as its text; malformed text is refused like any other bad field. */
    @JsonCreator
    static DueRule fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a due rule: use " + FORMS));
    }

    /** The rule as an author writes it; {@link #parse} reads it back to an equal rule. */
    @JsonValue
    public String text() {
        String at = time.equals(END_OF_DAY) ? "" : " " + time;
        return week == null
                ? "+" + days + (days == 1 ? " day" : " days") + at
                : "week " + week + " " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + time;
    }

    /** The local date and time this rule gives a homework of {@code homeworkWeek}, where each week starts on {@code weekStart}. */
    public LocalDateTime dueAt(int homeworkWeek, IntFunction<LocalDate> weekStart) {
        LocalDate date = week == null
                ? weekStart.apply(homeworkWeek).plusDays(days)
                : weekStart.apply(week).with(TemporalAdjusters.nextOrSame(weekday));
        return date.atTime(time);
    }

    private static Optional<LocalTime> time(String hours, String minutes) {
        if (hours == null) {
            return Optional.of(END_OF_DAY);
        }
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        return h < 24 && m < 60 ? Optional.of(LocalTime.of(h, m)) : Optional.empty();
    }

    private static Optional<DayOfWeek> weekday(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && full.startsWith(lower)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
