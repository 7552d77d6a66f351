package dev.syllabus.github;

/** What became of a GitHub delivery: PROCESSED (it changed or confirmed evidence) or IGNORED, and why. */
public record Outcome(String outcome, String detail) {

    static Outcome processed(String detail) {
        return new Outcome("PROCESSED", detail);
    }

    static Outcome ignored(String detail) {
        return new Outcome("IGNORED", detail);
    }
}
