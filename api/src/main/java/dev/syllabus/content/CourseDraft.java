package dev.syllabus.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A course while its pages are read: what they have said so far, where each piece was written
 * ({@link Locations}, for the checks' file:line), and the problems found. {@link PageReader} fills
 * it page by page; {@link CourseReader} turns it into a {@link Course}.
 */
final class CourseDraft {

    final List<ContentIssue> issues = new ArrayList<>();
    final Locations locations = new Locations();
    final Map<Integer, WeekDraft> weeks = new LinkedHashMap<>();
    final List<Principle> principles = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<Tool> tools = new ArrayList<>();
    final List<Point> rules = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();

    List<Week> builtWeeks() {
        return weeks.values().stream().map(week -> week.build(locations)).toList();
    }

    static final class WeekDraft {
        final int number;
        final String title;
        final String file;
        final int line;
        String goal;
        final List<Point> topics = new ArrayList<>();
        final List<LectureDraft> lectures = new ArrayList<>();
        final List<HomeworkDraft> homework = new ArrayList<>();
        Section webinar;
        final List<Section> sections = new ArrayList<>();

        WeekDraft(int number, String title, String file, int line) {
            this.number = number;
            this.title = title;
            this.file = file;
            this.line = line;
        }

        Week build(Locations locations) {
            Week week = new Week(
                    number,
                    title,
                    goal,
                    topics,
                    lectures.stream()
                            .map(l -> new Lecture(l.number(), l.title(), l.topics()))
                            .toList(),
                    homework.stream().map(h -> h.build(locations)).toList(),
                    webinar,
                    sections);
            locations.put(week, file, line);
            return week;
        }
    }

    record LectureDraft(int number, String title, List<Point> topics) {}

    static final class HomeworkDraft {
        final String code;
        final int week;
        final String title;
        final String file;
        final int line;
        String summary;
        String pass;
        DueRule dueRule;
        int dueLine;
        final List<Task> tasks = new ArrayList<>();
        final List<Point> reading = new ArrayList<>();

        HomeworkDraft(String code, int week, String title, String file, int line) {
            this.code = code;
            this.week = week;
            this.title = title;
            this.file = file;
            this.line = line;
        }

        Homework build(Locations locations) {
            int listed =
                    (int) tasks.stream().filter(t -> t.kind() == TaskKind.PR).count();
            PassCriterion criterion = pass == null ? null : HomeworkGrammar.criterion(pass, listed);
            Homework built = new Homework(code, week, title, summary, tasks, reading, criterion, dueRule);
            locations.put(built, file, line);
            if (dueRule != null) {
                locations.put(dueRule, file, dueLine);
            }
            return built;
        }
    }
}
