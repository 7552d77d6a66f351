package dev.syllabus.progress.checklist;

import dev.syllabus.content.Course;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.content.Homework;
import dev.syllabus.content.Week;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A student's checklist, summed up: each item's view, each homework's progress by its pass rule
 * (under the course's evidence policy), each week's and the whole completion. Pure: the services
 * read the rows, this says what they add up to.
 */
final class ChecklistSummary {

    private ChecklistSummary() {}

    static ChecklistViews.Item view(
            ChecklistItem item, ProgressRow state, PullRequestStates.PullRequestState pullRequest) {
        return new ChecklistViews.Item(
                item.id(),
                item.kind(),
                item.title(),
                item.homework(),
                item.week(),
                item.optional(),
                state != null && state.done(),
                state == null ? null : state.evidenceUrl(),
                state == null ? null : state.updatedAt(),
                state == null ? 0 : state.version(),
                state == null ? null : state.source(),
                pullRequest,
                state == null || !state.done() ? null : state.completedAt());
    }

    static ChecklistViews.Checklist summarise(
            Course course,
            String login,
            boolean verified,
            List<ChecklistViews.Item> items,
            Map<String, ChecklistViews.Review> reviews,
            Map<String, Instant> extensions) {
        ZoneId zone =
                course.run() == null ? ZoneOffset.UTC : ZoneId.of(course.run().timeZone());
        Map<String, List<ChecklistViews.Item>> byHomework = items.stream()
                .filter(i -> i.homework() != null)
                .collect(Collectors.groupingBy(ChecklistViews.Item::homework));
        List<ChecklistViews.HomeworkProgress> homework = new ArrayList<>();
        List<ChecklistViews.WeekProgress> weeks = new ArrayList<>();
        for (Week week : course.weeks()) {
            int weekRequired = 0;
            int weekDone = 0;
            for (Homework hw : week.homework()) {
                List<ChecklistViews.Item> own = byHomework.getOrDefault(hw.code(), List.of());
                ChecklistViews.HomeworkProgress progress = progress(
                        hw, own, reviews.get(hw.code()), extensions.get(hw.code()), zone, course.evidencePolicy());
                homework.add(progress);
                weekRequired += progress.requiredItems();
                weekDone += progress.doneItems();
            }
            weeks.add(new ChecklistViews.WeekProgress(week.number(), week.title(), weekRequired, weekDone));
        }
        int required = (int) items.stream().filter(i -> !i.optional()).count();
        EvidencePolicy policy = course.evidencePolicy();
        // Where the course counts a student's own tick only as a claim, a claimed item is not done yet.
        int done = (int)
                items.stream().filter(i -> !i.optional() && counted(i, policy)).count();
        return new ChecklistViews.Checklist(
                course.slug(),
                login,
                verified,
                ChecklistViews.Completion.of(done, required),
                weeks,
                homework,
                items,
                course.run(),
                null,
                false,
                null);
    }

    /**
     * A homework's progress: its status by {@link HomeworkStatusRule}, with the latest review, and its
     * due date ({@code extension} when an instructor moved it, in the run's offset); under a
     * {@code CLAIM} policy a student's own tick does not count until GitHub or an instructor confirms it.
     */
    static ChecklistViews.HomeworkProgress progress(
            Homework homework,
            List<ChecklistViews.Item> items,
            ChecklistViews.Review review,
            Instant extension,
            ZoneId zone,
            EvidencePolicy policy) {
        OffsetDateTime due =
                extension == null ? homework.due() : extension.atZone(zone).toOffsetDateTime();
        HomeworkStatusRule.Outcome outcome = HomeworkStatusRule.status(
                homework.pass(),
                items.stream()
                        .map(i -> {
                            boolean counted = counted(i, policy);
                            return new HomeworkStatusRule.ItemState(
                                    i.kind(), i.optional(), counted, i.updatedAt(), counted ? i.completedAt() : null);
                        })
                        .toList(),
                review == null
                        ? null
                        : new HomeworkStatusRule.LatestReview(
                                review.decision() == ReviewEntity.Decision.APPROVED, review.at()),
                due == null ? null : due.toInstant());
        return new ChecklistViews.HomeworkProgress(
                homework.code(),
                homework.title(),
                homework.week(),
                outcome.status(),
                outcome.requiredPrs(),
                outcome.donePrs(),
                outcome.requiredItems(),
                outcome.doneItems(),
                review,
                due,
                extension != null,
                outcome.passedAt(),
                outcome.late(),
                homework.graded());
    }

    /** Done, and vouched for by someone the course's evidence policy counts (a claim alone may not be). */
    static boolean counted(ChecklistViews.Item item, EvidencePolicy policy) {
        return item.done()
                && policy.counts(item.source() == null ? null : item.source().name());
    }
}
