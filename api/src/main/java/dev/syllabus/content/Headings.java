package dev.syllabus.content;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises agenda and week-page sections by their heading text, whatever the level or case. */
final class Headings {

    enum Kind {
        PRINCIPLES,
        WEEK,
        LINKS,
        RULES,
        TOOLS,
        GOAL,
        LECTURE,
        HOMEWORK,
        WEBINAR,
        OTHER
    }

    /** A classified heading: its kind, the number it carries (week, lecture, homework) and its own title. */
    record Heading(Kind kind, int number, String title, String text) {
        boolean weekScoped() {
            return kind == Kind.GOAL || kind == Kind.LECTURE || kind == Kind.HOMEWORK || kind == Kind.WEBINAR;
        }
    }

    private static final String SEPARATOR = "\\s*[:.\\-\u2013\u2014]\\s*";
    private static final Pattern WEEK = Pattern.compile("(?:week|module)\\s+(\\d{1,4})(?:" + SEPARATOR + "(.*))?");
    private static final Pattern LECTURE = Pattern.compile("lecture(?:\\s*(\\d{1,4}))?(?:" + SEPARATOR + "(.*))?");
    private static final Pattern HOMEWORK =
            Pattern.compile("(?:h|hw|homework)\\s*(\\d{1,4})(?:" + SEPARATOR + "(.*))?");
    private static final Pattern WEBINAR = Pattern.compile("webinar(?:" + SEPARATOR + ".*)?");

    private Headings() {}

    static Heading classify(String rawText) {
        String text = Text.normalize(rawText);
        String bare = text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
        String key = bare.toLowerCase(Locale.ROOT);
        switch (key) {
            case "principles":
                return new Heading(Kind.PRINCIPLES, 0, bare, text);
            case "links":
                return new Heading(Kind.LINKS, 0, bare, text);
            case "homework instructions", "homeworks instructions":
                return new Heading(Kind.RULES, 0, bare, text);
            case "tools to install":
                return new Heading(Kind.TOOLS, 0, bare, text);
            case "goal":
                return new Heading(Kind.GOAL, 0, bare, text);
            default:
                break;
        }
        Matcher m;
        if ((m = WEEK.matcher(key)).matches()) {
            return new Heading(Kind.WEEK, Integer.parseInt(m.group(1)), ownTitle(bare, m, 2), text);
        }
        if ((m = LECTURE.matcher(key)).matches()) {
            int number = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            return new Heading(Kind.LECTURE, number, ownTitle(bare, m, 2), text);
        }
        if ((m = HOMEWORK.matcher(key)).matches()) {
            return new Heading(Kind.HOMEWORK, Integer.parseInt(m.group(1)), ownTitle(bare, m, 2), text);
        }
        if (WEBINAR.matcher(key).matches()) {
            return new Heading(Kind.WEBINAR, 0, bare, text);
        }
        return new Heading(Kind.OTHER, 0, bare, text);
    }

    /** The title after the number, in the author's own case (the match ran on a lower-cased copy). */
    private static String ownTitle(String bare, Matcher m, int group) {
        return m.group(group) == null ? "" : bare.substring(m.start(group)).strip();
    }
}
