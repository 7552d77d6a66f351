package dev.syllabus.content;

import java.util.List;
import java.util.stream.Collectors;

/** Course content that breaks the content rules; carries every issue so authors can fix them in one go. */
public class InvalidContentException extends RuntimeException {

    private final transient List<ContentIssue> issues;

    public InvalidContentException(List<ContentIssue> issues) {
        super("Invalid course content:\n" + issues.stream().map(i -> "  " + i).collect(Collectors.joining("\n")));
        this.issues = List.copyOf(issues);
    }

    public List<ContentIssue> issues() {
        return issues;
    }
}
