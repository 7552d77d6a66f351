package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.account.Role;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which of a launch's roles teach the course. */
class LtiRolesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
                "Instructor"
            })
    void contextRolesThatTeachMakeAnInstructor(String role) {
        assertThat(LtiRoles.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", role)))
                .isEqualTo(Role.INSTRUCTOR);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
                // Institution and system roles say nothing about this course.
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
                "http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#InstructorX",
                ""
            })
    void anyOtherRoleIsAStudent(String role) {
        assertThat(LtiRoles.of(List.of(role))).isEqualTo(Role.STUDENT);
    }
}
