package dev.syllabus.events;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription can ask to be told of; {@link #wire} is the event's {@code type} in every body. */
public enum EventType {
    CHECKLIST_ITEM_CHANGED("checklist.item.changed"),
    HOMEWORK_STATUS_CHANGED("homework.status.changed"),
    ENROLLMENT_CREATED("enrollment.created"),
    ENROLLMENT_REMOVED("enrollment.removed"),
    REVIEW_CREATED("review.created"),
    COURSE_PUBLISHED("course.published"),
    RUN_CHANGED("run.changed"),
    /** Sent to one subscription when an instructor asks for a test; nobody subscribes to it. */
    WEBHOOK_TEST("webhook.test");

    /** Every type a subscription's {@code events} may name. */
    public static final String ALL = "*";

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The subscribable type named {@code wire} ({@code webhook.test} is not one). */
    public static Optional<EventType> subscribable(String wire) {
        return Arrays.stream(values())
                .filter(type -> type != WEBHOOK_TEST && type.wire.equals(wire))
                .findFirst();
    }
}
