package dev.syllabus.content;

import java.util.List;
import java.util.function.Consumer;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/** The kinds of section a heading opens that are not homework: ignored, a list of points, prose, the author's own Markdown. */
final class Sections {

    private Sections() {}

    static final class Ignored implements PageReader.SectionSink {
        @Override
        public void accept(Node block) {}
    }

    /** A section that is a list: every item becomes a {@link Point}. */
    static final class Items implements PageReader.SectionSink {
        private final PageReader page;
        private final String what;
        private final Consumer<Point> target;

        Items(PageReader page, String what, Consumer<Point> target) {
            this.page = page;
            this.what = what;
            this.target = target;
        }

        @Override
        public void accept(Node block) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    target.accept(page.point((ListItem) item));
                }
            } else if (!(block instanceof ThematicBreak)) {
                page.issue(block, "expected a list of " + what + " here");
            }
        }
    }

    /** A section of prose: each paragraph's plain text. */
    static final class Paragraphs implements PageReader.SectionSink {
        private final PageReader page;
        private final Consumer<String> target;

        Paragraphs(PageReader page, Consumer<String> target) {
            this.page = page;
            this.target = target;
        }

        @Override
        public void accept(Node block) {
            if (block instanceof Paragraph paragraph) {
                target.accept(page.plain(paragraph));
            } else if (!(block instanceof ThematicBreak)) {
                page.issue(block, "expected paragraphs of text here");
            }
        }
    }

    /** A section kept as the author's own Markdown. */
    static final class Raw implements PageReader.SectionSink {
        private final PageReader page;
        private final Consumer<String> target;
        private int first = -1;
        private int last = -1;

        Raw(PageReader page, Consumer<String> target) {
            this.page = page;
            this.target = target;
        }

        @Override
        public void accept(Node block) {
            List<SourceSpan> spans = block.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            if (first < 0) {
                first = spans.get(0).getLineIndex();
            }
            last = spans.get(spans.size() - 1).getLineIndex();
        }

        @Override
        public void close() {
            String body = first < 0
                    ? ""
                    : String.join("\n", page.lines().subList(first, last + 1)).strip();
            target.accept(body);
        }
    }
}
