package dev.syllabus.course;

import dev.syllabus.content.Course;
import dev.syllabus.http.Representation;
import java.util.Map;
import java.util.Optional;

/** Every representation of one course version, serialised once when the version is loaded. */
record PublishedCourse(
        Course course,
        Representation overview,
        Representation agenda,
        Representation agendaMarkdown,
        Representation weeks,
        Map<Integer, Representation> week,
        Representation homeworkList,
        Map<String, Representation> homework) {

    Optional<Representation> week(int number) {
        return Optional.ofNullable(week.get(number));
    }

    Optional<Representation> homework(String code) {
        return Optional.ofNullable(homework.get(code));
    }
}
