package dev.syllabus.progress.checklist;

import java.time.Instant;

/**
 * One student's stored state of one item, as read for views and rules: a plain value, not an
 * entity, so reading a whole cohort's rows keeps no persistence context (an entity costs Hibernate
 * six more objects, and a thousand students' rows then overflow a small heap into full collections).
 */
public record ProgressRow(
        long accountId,
        String itemId,
        boolean done,
        String evidenceUrl,
        int version,
        Instant updatedAt,
        Instant completedAt,
        ProgressEntity.Source source) {}
