package dev.syllabus.content;

import dev.syllabus.content.CourseDraft.HomeworkDraft;
import java.util.Optional;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/** A homework section: summary paragraphs, task bullets, reading bullets and the Pass: and Due: lines. */
final class HomeworkSection implements PageReader.SectionSink {
    private final PageReader page;
    private final HomeworkDraft homework;

    HomeworkSection(PageReader page, Heading node, Headings.Heading heading) {
        this.page = page;
        String code = "H" + heading.number();
        if (heading.title().isEmpty()) {
            page.issue(node, code + " has no title: write '" + code + ": Title'");
        }
        homework = new HomeworkDraft(
                code, page.week().number, heading.title(), page.file().name(), page.line(node));
        page.week().homework.add(homework);
    }

    @Override
    public void accept(Node block) {
        if (block instanceof Paragraph paragraph) {
            String written = page.rawStart(paragraph);
            Optional<String> due = HomeworkGrammar.due(written);
            if (due.isPresent()) {
                due(paragraph, due.get());
            } else if (HomeworkGrammar.isPass(written)) {
                if (homework.pass != null) {
                    page.issue(block, homework.code + " has more than one 'Pass:' line");
                }
                homework.pass = HomeworkGrammar.passText(page.plain(paragraph));
            } else {
                homework.summary = PageReader.join(homework.summary, page.plain(paragraph));
            }
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                item((ListItem) item);
            }
        } else if (!(block instanceof ThematicBreak)) {
            page.issue(block, "expected a summary, a list of tasks or a 'Pass:' line in " + homework.code);
        }
    }

    private void due(Paragraph paragraph, String text) {
        if (homework.dueLine > 0) {
            page.issue(paragraph, homework.code + " has more than one 'Due:' line");
            return;
        }
        homework.dueLine = page.line(paragraph);
        DueRule.parse(text)
                .ifPresentOrElse(
                        rule -> homework.dueRule = rule,
                        () -> page.issue(
                                paragraph,
                                homework.code + ": 'Due: " + text + "' is not a due date: write " + DueRule.FORMS));
    }

    private void item(ListItem item) {
        Point point = page.point(item);
        Node first = item.getFirstChild();
        Optional<HomeworkGrammar.TaskMarker> marker = HomeworkGrammar.task(first == null ? "" : page.rawStart(first));
        if (marker.isEmpty()) {
            homework.reading.add(point);
            return;
        }
        String code = marker.get().code();
        String title = HomeworkGrammar.taskText(point.title());
        if (title.isEmpty()) {
            page.issue(item, homework.code + " " + code + " has no description");
        }
        Task built = new Task(
                homework.code + "/" + code,
                code,
                marker.get().kind(),
                title,
                marker.get().optional());
        page.locate(built, page.line(item));
        homework.tasks.add(built);
    }

    @Override
    public void close() {
        if (homework.pass == null && !homework.tasks.isEmpty()) {
            page.issueAt(
                    homework.line,
                    homework.code + " has tasks but no pass criterion: add a line 'Pass: N PRs merged.'");
        }
    }
}
