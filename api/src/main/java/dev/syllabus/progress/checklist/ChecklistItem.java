package dev.syllabus.progress.checklist;

import dev.syllabus.content.Course;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Point;
import dev.syllabus.content.Task;
import dev.syllabus.content.Week;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One thing a student ticks off, with an id derived from the content so it survives re-imports:
 * {@code H3/PR2} for a homework task, {@code setup/<title-slug>} for a course-wide setup item
 * (a homework-instructions bullet without nested bullets).
 */
public record ChecklistItem(String id, ItemKind kind, String title, String homework, Integer week, boolean optional) {

    enum ItemKind {
        SETUP,
        PR,
        DOC,
        OTHER
    }

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    static List<ChecklistItem> of(Course course) {
        List<ChecklistItem> items = new ArrayList<>();
        for (Point rule : course.homeworkRules()) {
            if (rule.details().isEmpty()) {
                items.add(new ChecklistItem(
                        "setup/" + slug(rule.title()), ItemKind.SETUP, rule.title(), null, null, false));
            }
        }
        for (Week week : course.weeks()) {
            for (Homework homework : week.homework()) {
                for (Task task : homework.tasks()) {
                    items.add(new ChecklistItem(
                            task.id(),
                            ItemKind.valueOf(task.kind().name()),
                            task.title(),
                            homework.code(),
                            week.number(),
                            task.optional()));
                }
            }
        }
        return items;
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
        return slug.length() > 50 ? slug.substring(0, 50).replaceAll("-$", "") : slug;
    }
}
