package dev.syllabus.content;

import dev.syllabus.content.CourseDraft.WeekDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one course from its Markdown files into a {@link Course}: {@code agenda.md} (which may hold
 * everything), optional {@code week-N.md} pages, and an optional {@code course.toml}. Structure
 * problems are reported with file and line; {@link ContentCheck} then applies the course rules.
 */
public final class CourseReader {

    public static final String AGENDA = "agenda.md";
    public static final String COURSE_FILE = "course.toml";
    private static final Pattern WEEK_PAGE = Pattern.compile("week-(\\d{1,4})\\.md");

    private final String slug;
    private final CourseDraft draft = new CourseDraft();
    private final List<ContentIssue> issues = draft.issues;

    /**
     * The result of reading: the course (null when it could not be read at all), every issue found
     * (errors: the content is not published), and warnings (published all the same).
     */
    public record Result(Course course, List<ContentIssue> issues, List<ContentIssue> warnings) {
        public Result(Course course, List<ContentIssue> issues) {
            this(course, issues, List.of());
        }

        public boolean valid() {
            return course != null && issues.isEmpty();
        }
    }

    private CourseReader(String slug) {
        this.slug = slug;
    }

    /** Reads and checks a course from its files (names relative to the content root, e.g. {@code slug/agenda.md}). */
    public static Result read(String slug, List<ContentFile> files) {
        return new CourseReader(slug).readAll(files);
    }

    private Result readAll(List<ContentFile> files) {
        ContentFile agenda = null;
        ContentFile courseFile = null;
        Map<Integer, ContentFile> weekPages = new LinkedHashMap<>();
        for (ContentFile file : files) {
            String base = file.baseName();
            Matcher week = WEEK_PAGE.matcher(base);
            if (base.equals(AGENDA)) {
                agenda = file;
            } else if (base.equals(COURSE_FILE)) {
                courseFile = file;
            } else if (week.matches()) {
                weekPages.put(Integer.parseInt(week.group(1)), file);
            } else if (base.endsWith(".md")) {
                issues.add(new ContentIssue(file.name(), 0, "not a course page: expected agenda.md or week-N.md"));
            }
        }
        if (agenda == null) {
            issues.add(new ContentIssue(slug + "/" + AGENDA, 0, "the course has no agenda.md"));
            return new Result(null, List.copyOf(issues));
        }
        FrontMatter front = FrontMatter.split(agenda, issues);
        new PageReader(draft, agenda, front, null).read();
        weekPages.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(page -> {
            WeekDraft week = draft.weeks.get(page.getKey());
            if (week == null) {
                issues.add(new ContentIssue(
                        page.getValue().name(),
                        0,
                        "week " + page.getKey() + " has a page but no 'Week " + page.getKey()
                                + ": Title' heading in agenda.md"));
            } else {
                new PageReader(draft, page.getValue(), FrontMatter.split(page.getValue(), issues), week).read();
            }
        });
        Map<String, Object> meta = courseFile == null
                ? Map.of()
                : FrontMatter.split(new ContentFile(courseFile.name(), "+++\n" + courseFile.text() + "\n+++\n"), issues)
                        .fields();
        String title = firstText(meta.get("title"), front.text("course_title"), front.text("title"));
        String description = firstText(meta.get("description"), front.text("description"));
        if (title == null) {
            issues.add(new ContentIssue(
                    slug + "/" + COURSE_FILE, 0, "the course has no title: set 'title' in course.toml"));
            title = slug;
        }
        List<Week> builtWeeks = draft.builtWeeks();
        Object evidence = meta.containsKey(EvidencePolicy.TABLE)
                ? meta.get(EvidencePolicy.TABLE)
                : front.fields().get(EvidencePolicy.TABLE);
        EvidencePolicy policy =
                EvidencePolicy.read(evidence, courseFile != null ? courseFile.name() : agenda.name(), issues);
        Object scheduleTable = meta.containsKey(Schedule.TABLE)
                ? meta.get(Schedule.TABLE)
                : front.fields().get(Schedule.TABLE);
        Schedule schedule =
                Schedule.read(scheduleTable, courseFile != null ? courseFile.name() : agenda.name(), issues);
        Course course = new Course(
                slug,
                title,
                description,
                null,
                draft.principles,
                draft.links,
                draft.tools,
                draft.rules,
                draft.sections,
                builtWeeks,
                policy,
                schedule,
                null);
        issues.addAll(ContentCheck.check(course, draft.locations, agenda.name()));
        return new Result(course, List.copyOf(issues), ContentCheck.warnings(course, draft.locations, agenda.name()));
    }

    private static String firstText(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate != null && !candidate.toString().isBlank()) {
                return Text.normalize(candidate.toString());
            }
        }
        return null;
    }
}
