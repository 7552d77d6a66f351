package dev.syllabus.progress.checklist;

import dev.syllabus.progress.checklist.ProgressEntity.Source;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * One change to one checklist item: which item, what it becomes, who vouches for it, and on which
 * of the item's versions it builds. Made by one of the three who may change an item, so the source
 * is said, never inferred from a missing actor.
 *
 * @param actorId the account that made the change; null for GitHub's evidence, where no person acted
 * @param basedOn which of the item's versions (its entity tag, unquoted: {@code v3}) the change may
 *     overwrite, so a newer change is not lost
 * @param completedAt when the work was done, where GitHub says so; null: now
 * @param note what the instructor had to say, kept in the history
 */
public record Mark(
        String itemId,
        boolean done,
        String evidence,
        Source source,
        Long actorId,
        Predicate<String> basedOn,
        Instant completedAt,
        String note) {

    /** Any version: GitHub's evidence states a fact, whatever the item said before. */
    private static final Predicate<String> ANY_VERSION = version -> true;

    /** The student ticks or unticks their own item. */
    public static Mark byStudent(
            long studentId, String itemId, boolean done, String evidence, Predicate<String> basedOn) {
        return new Mark(itemId, done, evidence, Source.STUDENT, studentId, basedOn, null, null);
    }

    /** An instructor marks a student's item, for work that reached them another way. */
    public static Mark byInstructor(
            long instructorId, String itemId, boolean done, String evidence, Predicate<String> basedOn, String note) {
        return new Mark(itemId, done, evidence, Source.INSTRUCTOR, instructorId, basedOn, null, note);
    }

    /** A webhook delivery proved the item (a merged pull request), or took that proof back. */
    public static Mark byGithub(String itemId, boolean done, String url, Instant completedAt) {
        return new Mark(itemId, done, url, Source.GITHUB, null, ANY_VERSION, completedAt, null);
    }

    /** The note without its surrounding blanks; null when there is nothing to keep. */
    String said() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
