package dev.syllabus.content;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marked lines a homework is written in, read and written with the same patterns: tasks
 * ({@code - PR1 (optional): Train a model}), the pass criterion ({@code Pass: 6 PRs merged.}) and
 * the due rule ({@code Due: +13 days}). A line is recognised as its author wrote it (before Markdown
 * unescaping); the same pattern takes the text after the marker from the line as shown.
 */
final class HomeworkGrammar {

    private static final String TASK_MARKER =
            "(PR|DOC|OTHER)(\\d{0,3})\\s*+(?:\\(\\s*(optional|opt)\\s*\\)|(optional|opt))?";
    private static final String PASS_MARKER = "pass(?:\\s+criterion)?";
    private static final String DUE_MARKER = "due";
    private static final String AFTER_MARKER = "\\s*:\\s*(.*)";
    private static final Pattern TASK = Pattern.compile("(?i)" + TASK_MARKER + AFTER_MARKER, Pattern.DOTALL);
    private static final int TASK_TEXT = 5;
    private static final Pattern PASS = Pattern.compile("(?i)" + PASS_MARKER + AFTER_MARKER, Pattern.DOTALL);
    private static final Pattern DUE = Pattern.compile("(?i)" + DUE_MARKER + AFTER_MARKER, Pattern.DOTALL);
    /** Any marker at the start of prose: such prose is written with its colon escaped, so it is read back as prose. */
    private static final Pattern LOOKS_MARKED =
            Pattern.compile("(?i)^((?:" + PASS_MARKER + "|" + DUE_MARKER + "|" + TASK_MARKER + ")\\s*):");

    private static final Pattern REQUIRED_PRS = Pattern.compile("(?i)(\\d{1,3})\\s+PRs?\\b");
    private static final Pattern APPROVAL = Pattern.compile("(?i)\\bapprov");

    /** A task's marker: its kind, its code within the homework ({@code PR1}) and whether it is optional. */
    record TaskMarker(TaskKind kind, String code, boolean optional) {}

    private HomeworkGrammar() {}

    static Optional<TaskMarker> task(String written) {
        Matcher task = TASK.matcher(written);
        if (!task.matches()) {
            return Optional.empty();
        }
        TaskKind kind = TaskKind.valueOf(task.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(
                new TaskMarker(kind, kind.name() + task.group(2), task.group(3) != null || task.group(4) != null));
    }

    /** The task's description: the shown line without its marker. */
    static String taskText(String shown) {
        return after(TASK, TASK_TEXT, shown);
    }

    static boolean isPass(String written) {
        return PASS.matcher(written).matches();
    }

    /** The pass criterion's text: the shown line without its marker. */
    static String passText(String shown) {
        return after(PASS, 1, shown);
    }

    /** The rule of a {@code Due:} line, as written. */
    static Optional<String> due(String written) {
        Matcher due = DUE.matcher(written);
        return due.matches() ? Optional.of(due.group(1).strip()) : Optional.empty();
    }

    static String taskLine(Task task) {
        return task.code() + (task.optional() ? " (optional)" : "") + ": ";
    }

    static String passLine(String text) {
        return "Pass: " + text;
    }

    static String dueLine(DueRule rule) {
        return "Due: " + rule.text();
    }

    /** Prose that starts like a marker ('Pass:', 'PR1:') with its colon escaped, so it is never read as one. */
    static String unmarked(String prose) {
        return LOOKS_MARKED.matcher(prose).replaceFirst("$1\\\\:");
    }

    /** The numbers in a pass criterion such as "6 PRs merged" or "Approved by the instructor". */
    static PassCriterion criterion(String text, int listedPrs) {
        Matcher prs = REQUIRED_PRS.matcher(text);
        int required = prs.find() ? Integer.parseInt(prs.group(1)) : 0;
        return new PassCriterion(
                text, required, listedPrs, APPROVAL.matcher(text).find());
    }

    private static String after(Pattern marked, int group, String shown) {
        Matcher matcher = marked.matcher(shown);
        return matcher.matches() ? matcher.group(group).strip() : shown;
    }
}
