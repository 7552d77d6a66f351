package dev.syllabus.lti;

import dev.syllabus.account.Role;
import java.util.Collection;
import java.util.Set;

/**
 * A launch's roles (LTI 1.3 Core, section 5.3.7, and the LIS vocabulary) as a Syllabus role: the
 * context roles that teach (Instructor and its sub-roles such as TeachingAssistant, Administrator,
 * ContentDeveloper, Mentor) make an instructor; anything else, a student. Institution and system
 * roles say nothing about this course, so they are not read.
 */
public final class LtiRoles {

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final Set<String> TEACHING = Set.of("Instructor", "Administrator", "ContentDeveloper", "Mentor");

    private LtiRoles() {}

    public static Role of(Collection<String> roles) {
        return roles.stream().anyMatch(LtiRoles::teaches) ? Role.INSTRUCTOR : Role.STUDENT;
    }

    private static boolean teaches(String role) {
        if (TEACHING.contains(role)) {
            return true; // the short form LTI 1.1 used, still sent by some platforms
        }
        if (role.startsWith(MEMBERSHIP)) {
            return TEACHING.contains(role.substring(MEMBERSHIP.length()));
        }
        // A sub-role: http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant
        String subRoles = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
        return role.startsWith(subRoles)
                && TEACHING.stream().anyMatch(parent -> role.startsWith(subRoles + parent + "#"));
    }
}
