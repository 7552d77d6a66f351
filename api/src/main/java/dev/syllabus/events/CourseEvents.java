package dev.syllabus.events;

import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.CourseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The curriculum's changes, told to subscribers: observed in the transaction that makes them. */
@ApplicationScoped
class CourseEvents {

    private final Outbox outbox;

    CourseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void published(@Observes CourseStore.Published published) {
        outbox.record(
                published.courseId(),
                EventType.COURSE_PUBLISHED,
                () -> new EventData.CoursePublished(published.slug(), published.title(), published.version()));
    }

    void runChanged(@Observes CourseRuns.Changed changed) {
        outbox.record(
                changed.courseId(),
                EventType.RUN_CHANGED,
                () -> new EventData.RunChanged(
                        changed.slug(),
                        changed.run().name(),
                        changed.run().title(),
                        changed.run().start(),
                        changed.run().timeZone(),
                        changed.created()));
    }
}
