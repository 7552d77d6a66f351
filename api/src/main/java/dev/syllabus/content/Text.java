package dev.syllabus.content;

import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;

/** Plain text out of Markdown inlines, and Markdown out of plain text. */
final class Text {

    private Text() {}

    /** Collapses runs of white space into one space and trims. */
    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Appends the plain text of {@code node}'s inlines to {@code out}. Links keep their label in
     * the text and are also collected, so "Setup GitHub[repo](http://github.com/)" reads
     * "Setup GitHub repo" with one link.
     */
    static void collect(Node node, StringBuilder out, List<Link> links) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                appendWord(out, text.getLiteral());
            } else if (child instanceof Code code) {
                appendWord(out, code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else if (child instanceof org.commonmark.node.Link link) {
                StringBuilder label = new StringBuilder();
                collect(link, label, links);
                String title = normalize(label.toString());
                separate(out);
                out.append(title.isEmpty() ? link.getDestination() : title);
                out.append('\u0000'); // a word boundary after the link, resolved by appendWord
                links.add(new Link(title.isEmpty() ? link.getDestination() : title, link.getDestination()));
            } else if (child instanceof Image || child instanceof HtmlInline) {
                continue;
            } else {
                collect(child, out, links);
            }
        }
    }

    /** The finished plain text of what {@link #collect} gathered. */
    static String finish(StringBuilder collected) {
        return normalize(collected.toString().replace("\u0000", ""));
    }

    private static void appendWord(StringBuilder out, String literal) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) == '\u0000') {
            out.setLength(n - 1);
            if (!literal.isEmpty() && Character.isLetterOrDigit(literal.charAt(0))) {
                out.append(' ');
            }
        }
        out.append(literal);
    }

    private static void separate(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) == '\u0000') {
            out.setLength(n - 1);
            out.append(' ');
        } else if (n > 0 && Character.isLetterOrDigit(out.charAt(n - 1))) {
            out.append(' ');
        }
    }

    /** Escapes plain text so that Markdown reads it back as the same text. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>&#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        String escaped = out.toString();
        if (escaped.matches("^[-+=~].*")) {
            return "\\" + escaped;
        }
        return escaped.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }
}
