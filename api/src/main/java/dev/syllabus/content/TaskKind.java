package dev.syllabus.content;

/** What a student hands in for a task. */
public enum TaskKind {
    /** A pull request to the student's course repository. */
    PR,
    /** An update of the student's running design document. */
    DOC,
    /** Anything else (installing a tool, publishing a link). */
    OTHER
}
