package dev.syllabus.progress.checklist;

import java.util.Map;

/** Evidence a checklist item may have from GitHub; implemented where webhook deliveries are kept. */
public interface PullRequestStates {

    /** The pull request backing each of a student's items, by item id. */
    Map<String, PullRequestState> byItem(long courseId, long accountId);

    record PullRequestState(int number, String url, String state, String checks, String review) {}
}
