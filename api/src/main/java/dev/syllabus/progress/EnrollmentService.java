package dev.syllabus.progress;

import java.security.SecureRandom;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.AccountService;
import dev.syllabus.account.AccountViews;
import dev.syllabus.account.Passwords;
import dev.syllabus.account.Role;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.http.ProblemException;

/** Joining a course with its join code, and the instructors' management of that code. */
@ApplicationScoped
public class EnrollmentService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final Passwords passwords;

    EnrollmentService(AccountService accounts, Passwords passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Transactional
    String joinCode(String slug) {
        return course(slug).joinCode;
    }

    /** Sets the course's join code; a blank one is replaced by a random code. */
    @Transactional
    String setJoinCode(String slug, String code) {
        CourseEntity course = course(slug);
        course.joinCode = code == null || code.isBlank() ? randomCode() : code.strip();
        return course.joinCode;
    }

    /**
     * A student joins: a new account, or one an instructor listed on the roster without a
     * password, gets its password and an enrolment, and is signed in. The password is hashed
     * between two short transactions, never inside one.
     */
    AccountViews.Session join(String slug, EnrollmentViews.JoinRequest request) {
        if (!Passwords.fits(request.password())) {
            throw ProblemException.invalidField("password", "must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
        }
        QuarkusTransaction.requiringNew().run(() -> checkJoin(slug, request));
        String passwordHash = passwords.hash(request.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            CourseEntity course = checkJoin(slug, request);
            AccountEntity account = accounts.register(request.login(), Role.STUDENT, request.name(), request.email(), passwordHash);
            if (!EnrollmentEntity.exists(course.id, account.id)) {
                EnrollmentEntity enrollment = new EnrollmentEntity();
                enrollment.course = course;
                enrollment.account = account;
                enrollment.joinedAt = Instant.now();
                enrollment.persist();
            }
            return accounts.signIn(account);
        });
    }

    /** The course, when the join code opens it and the login is free to take. */
    private static CourseEntity checkJoin(String slug, EnrollmentViews.JoinRequest request) {
        CourseEntity course = course(slug);
        if (course.joinCode == null || !constantTimeEquals(course.joinCode, request.joinCode().strip())) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.FORBIDDEN, "That join code does not open this course.",
                    java.util.List.of(new dev.syllabus.http.Problem.FieldError("joinCode", "does not match the course's join code")));
        }
        AccountEntity existing = AccountEntity.findByLogin(request.login()).orElse(null);
        if (existing != null && existing.passwordHash != null) {
            throw ProblemException.conflict("An account '" + existing.login + "' exists already: sign in instead.");
        }
        return course;
    }

    private static CourseEntity course(String slug) {
        return CourseEntity.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No course '" + slug + "'."));
    }

    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
