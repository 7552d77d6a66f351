package dev.syllabus.github;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which task a pull request is for, by the convention students use: {@code H3 PR2}, {@code [H3/PR2]}
 * or {@code h3-pr2} in its title or body, or a branch named {@code hw3-pr2}. The patterns use only
 * bounded repetition, so matching takes time linear in the text, and bodies are read up to
 * {@link #MAX_TEXT} characters: a hostile body cannot make a delivery slow.
 */
public final class TaskMatcher {

    /** How much of a title or body is read. */
    public static final int MAX_TEXT = 64 * 1024;

    private static final Pattern TAG = Pattern.compile(
            "(?i)\\bH(\\d{1,3})(?:[ \\t]{0,3}[/-][ \\t]{0,3}|[ \\t]{1,3})(PR\\d{1,3}|DOC\\d{0,3}|OTHER\\d{0,3})\\b");
    private static final Pattern BRANCH = Pattern.compile("(?i)\\bhw-?(\\d{1,3})[-_/]pr-?(\\d{1,3})\\b");

    private TaskMatcher() {}

    /** The first task the texts name that is one of {@code items}; the title wins over the body, both over the branch. */
    public static Optional<String> match(Collection<String> items, String title, String body, String branch) {
        for (String text : new String[] {title, body}) {
            Matcher tag = TAG.matcher(capped(text));
            while (tag.find()) {
                String id = "H" + Integer.parseInt(tag.group(1)) + "/"
                        + tag.group(2).toUpperCase(Locale.ROOT);
                if (items.contains(id)) {
                    return Optional.of(id);
                }
            }
        }
        Matcher named = BRANCH.matcher(capped(branch));
        if (named.find()) {
            String id = "H" + Integer.parseInt(named.group(1)) + "/PR" + Integer.parseInt(named.group(2));
            if (items.contains(id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static CharSequence capped(String text) {
        return text == null ? "" : text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
