package dev.syllabus.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The course rules a parsed course must keep: weeks numbered 1..N without gaps, homework codes
 * unique, task numbers contiguous per kind, pass criteria that match the listed tasks, and every
 * link an absolute http(s) URL.
 */
public final class ContentCheck {

    private final Locations locations;
    private final String file;
    private final List<ContentIssue> issues = new ArrayList<>();

    private ContentCheck(Locations locations, String file) {
        this.locations = locations;
        this.file = file;
    }

    static List<ContentIssue> check(Course course, Locations locations, String file) {
        ContentCheck check = new ContentCheck(locations, file);
        check.weeks(course.weeks());
        check.homeworkCodes(course.weeks());
        course.weeks().forEach(week -> week.homework().forEach(check::homework));
        check.links(course);
        return check.issues;
    }

    /**
     * What an author probably did not mean, though the course can be published: a pull request
     * marked optional where the pass criterion asks for every listed one, so the mark changes nothing;
     * and a homework with nothing to pass (no tasks, no approval), which is therefore ungraded.
     */
    static List<ContentIssue> warnings(Course course, Locations locations, String file) {
        ContentCheck check = new ContentCheck(locations, file);
        for (Week week : course.weeks()) {
            for (Homework homework : week.homework()) {
                PassCriterion pass = homework.pass();
                if (!homework.graded()) {
                    check.report(
                            homework,
                            homework.code() + " has no tasks and no approval to wait for: it can never pass, so it is"
                                    + " ungraded (left out of the gradebook, the cohort and progress)");
                }
                if (pass == null || pass.requiredPrs() < pass.listedPrs()) {
                    continue;
                }
                homework.tasks().stream()
                        .filter(t -> t.kind() == TaskKind.PR && t.optional())
                        .forEach(task -> check.report(
                                task,
                                homework.code() + ": " + task.code()
                                        + " is marked optional, but the pass criterion asks for "
                                        + prs(pass.requiredPrs())
                                        + ", every one listed: the mark changes nothing"));
            }
        }
        return check.issues;
    }

    /**
     * What replacing {@code published} with {@code uploaded} takes off every checklist: each homework
     * no longer there, and each task no longer in a homework that stays. Nothing is lost (students'
     * ticks are kept by item id and show again if the item returns), but an author replacing the
     * course with a page that lacks its homework should hear of it.
     */
    public static List<ContentIssue> dropped(Course published, Course uploaded, String file) {
        Map<String, Homework> kept = new HashMap<>();
        uploaded.homework().forEach(homework -> kept.put(homework.code(), homework));
        List<ContentIssue> warnings = new ArrayList<>();
        published.homework().forEach(before -> {
            Homework after = kept.get(before.code());
            if (after == null) {
                warnings.add(new ContentIssue(
                        file,
                        0,
                        before.code() + " is not in the upload: it leaves every checklist with its "
                                + before.tasks().size()
                                + " task(s); students' ticks are kept and show again if it returns"));
                return;
            }
            Set<String> tasks = new HashSet<>();
            after.tasks().forEach(task -> tasks.add(task.code()));
            before.tasks().stream()
                    .filter(task -> !tasks.contains(task.code()))
                    .forEach(task -> warnings.add(new ContentIssue(
                            file,
                            0,
                            before.code() + ": " + task.code() + " is not in the upload: it leaves every checklist;"
                                    + " students' ticks are kept and show again if it returns")));
        });
        return warnings;
    }

    /** "1 PR" or "3 PRs", as an author would write it. */
    private static String prs(long count) {
        return count == 1 ? "1 PR" : count + " PRs";
    }

    /** "1 PR task is" or "3 PR tasks are". */
    private static String prTasksAre(long count) {
        return count == 1 ? "1 PR task is" : count + " PR tasks are";
    }

    private void report(Object element, String message) {
        issues.add(locations.issue(element, file, message));
    }

    private void weeks(List<Week> weeks) {
        int expected = 1;
        for (Week week : weeks) {
            if (week.number() != expected) {
                report(
                        week,
                        week.number() < expected
                                ? "week " + week.number()
                                        + " is out of order: weeks must be numbered 1, 2, 3, ... in order"
                                : expected == 1
                                        ? "the first week is week " + week.number() + ": weeks are numbered from 1"
                                        : "week " + week.number() + " follows week " + (expected - 1) + ": week "
                                                + expected + " is missing");
            }
            expected = week.number() + 1;
        }
    }

    private void homeworkCodes(List<Week> weeks) {
        Map<String, Homework> seen = new HashMap<>();
        for (Week week : weeks) {
            for (Homework homework : week.homework()) {
                Homework first = seen.putIfAbsent(homework.code(), homework);
                if (first != null) {
                    ContentIssue firstPlace = locations.issue(first, file, "");
                    report(
                            homework,
                            "homework code " + homework.code() + " is used twice (first at " + firstPlace.file() + ":"
                                    + firstPlace.line() + ")");
                }
            }
        }
    }

    private void homework(Homework homework) {
        Map<TaskKind, List<Task>> byKind = new LinkedHashMap<>();
        for (Task task : homework.tasks()) {
            byKind.computeIfAbsent(task.kind(), k -> new ArrayList<>()).add(task);
        }
        byKind.forEach((kind, tasks) -> numbering(homework, kind, tasks));
        DueRule due = homework.dueRule();
        if (due != null && due.week() != null && due.week() < homework.week()) {
            report(
                    due,
                    homework.code() + " is due in week " + due.week() + ", before its week " + homework.week()
                            + " starts");
        }
        PassCriterion pass = homework.pass();
        if (pass == null) {
            return;
        }
        long mandatory = homework.tasks().stream()
                .filter(t -> t.kind() == TaskKind.PR && !t.optional())
                .count();
        if (pass.requiredPrs() > pass.listedPrs()) {
            report(
                    homework,
                    homework.code() + ": the pass criterion asks for " + prs(pass.requiredPrs()) + " but only "
                            + prTasksAre(pass.listedPrs()) + " listed");
        } else if (pass.requiredPrs() < mandatory) {
            report(
                    homework,
                    homework.code() + ": the pass criterion asks for " + prs(pass.requiredPrs()) + " but "
                            + prTasksAre(mandatory) + " not optional");
        }
    }

    /** PR tasks must read PR1, PR2, ... in order; a kind with one task may leave the number out (DOC). */
    private void numbering(Homework homework, TaskKind kind, List<Task> tasks) {
        String prefix = kind.name();
        boolean single = tasks.size() == 1 && tasks.get(0).code().equals(prefix) && kind != TaskKind.PR;
        if (single) {
            return;
        }
        Map<String, Task> seen = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            String expected = prefix + (i + 1);
            if (seen.putIfAbsent(task.code(), task) != null) {
                report(task, homework.code() + ": " + task.code() + " is listed twice");
            } else if (!task.code().equals(expected)) {
                report(
                        task,
                        homework.code() + ": expected " + expected + " here but found "
                                + (task.code().equals(prefix) ? prefix + " without a number" : task.code())
                                + " (tasks of a kind are numbered " + prefix + "1, " + prefix + "2, ... without gaps)");
            }
        }
    }

    private void links(Course course) {
        Consumer<Link> checkLink = link -> url(link, link.url());
        course.links().forEach(checkLink);
        course.tools().forEach(tool -> url(tool, tool.url()));
        course.principles().forEach(p -> {
            p.links().forEach(checkLink);
            points(p.details(), checkLink);
        });
        points(course.homeworkRules(), checkLink);
        for (Week week : course.weeks()) {
            points(week.topics(), checkLink);
            week.lectures().forEach(lecture -> points(lecture.topics(), checkLink));
            week.homework().forEach(homework -> points(homework.reading(), checkLink));
        }
    }

    private static void points(List<Point> points, Consumer<Link> checkLink) {
        for (Point point : points) {
            point.links().forEach(checkLink);
            points(point.details(), checkLink);
        }
    }

    private void url(Object element, String url) {
        if (!isAbsoluteHttpUrl(url)) {
            report(element, "link '" + url + "' is not an absolute http(s) URL");
        }
    }

    public static boolean isAbsoluteHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
