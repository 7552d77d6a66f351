package dev.syllabus.progress.checklist;

import dev.syllabus.content.ContentCheck;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import java.util.regex.Pattern;

/** What counts as evidence for each kind of item: a link a person can open and check. */
final class Evidence {

    private static final Pattern REPOSITORY = Pattern.compile(Names.GITHUB_REPOSITORY_URL + "/?");
    private static final Pattern PULL_REQUEST =
            Pattern.compile(Names.GITHUB_REPOSITORY_URL + "/pull/[1-9][0-9]{0,9}/?");
    private static final int MAX_LENGTH = 2000;

    private Evidence() {}

    /** The evidence, checked for the item's kind; null stays null (evidence is optional). */
    static String check(ChecklistItem.ItemKind kind, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String value = url.strip();
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalid("evidence", "is longer than " + MAX_LENGTH + " characters");
        }
        boolean valid =
                switch (kind) {
                    case PR -> PULL_REQUEST.matcher(value).matches();
                    case SETUP -> REPOSITORY.matcher(value).matches();
                    case DOC -> value.startsWith("https://") && ContentCheck.isAbsoluteHttpUrl(value);
                    case OTHER -> ContentCheck.isAbsoluteHttpUrl(value);
                };
        if (!valid) {
            throw DomainException.invalid(
                    "evidence",
                    switch (kind) {
                        case PR -> "must be a GitHub pull request URL: https://github.com/{owner}/{repo}/pull/{number}";
                        case SETUP -> "must be a GitHub repository URL: https://github.com/{owner}/{repo}";
                        case DOC -> "must be an https URL of the document";
                        case OTHER -> "must be an absolute http(s) URL";
                    });
        }
        return value;
    }
}
