package dev.syllabus.content;

/** One thing wrong with course content, precise enough for an author to fix it. */
public record ContentIssue(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
