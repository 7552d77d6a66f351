package dev.syllabus.progress.enrolment;

import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.AccountService;
import dev.syllabus.account.AccountViews;
import dev.syllabus.account.AttemptThrottle;
import dev.syllabus.account.AuthConfig;
import dev.syllabus.account.GithubSignIn;
import dev.syllabus.account.Passwords;
import dev.syllabus.account.Role;
import dev.syllabus.account.Tokens;
import dev.syllabus.config.SyllabusConfig;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.CourseRunEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Joining a course with its join code, and the instructors' management of that code. */
@ApplicationScoped
public class EnrollmentService {

    private final AccountService accounts;
    private final Passwords passwords;
    private final AttemptThrottle perAddress;
    private final AttemptThrottle perCourse;
    private final boolean passwordsOn;
    private final Courses courses;
    private final CourseRuns runs;
    private final Enrolments enrolments;
    private final GithubSignIn github;

    EnrollmentService(
            GithubSignIn github,
            Courses courses,
            CourseRuns runs,
            Enrolments enrolments,
            AccountService accounts,
            Passwords passwords,
            AuthConfig auth,
            SyllabusConfig config) {
        this.github = github;
        this.courses = courses;
        this.runs = runs;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.passwords = passwords;
        this.perAddress = new AttemptThrottle(
                auth.auth().maxFailedJoinsPerAddress(), auth.auth().lockout());
        this.perCourse = new AttemptThrottle(
                auth.auth().maxFailedJoinsPerCourse(), auth.auth().lockout());
        this.passwordsOn = auth.auth().passwords();
    }

    /** The join code of the course's current run. */
    @Transactional
    String joinCode(String slug) {
        return runs.current(courses.row(slug).id).joinCode;
    }

    /** Sets the join code of the course's current run; a blank one is replaced by a random code. */
    @Transactional
    String setJoinCode(String slug, String code) {
        CourseEntity course = courses.row(slug);
        CourseRunEntity run = runs.current(course.id);
        String wanted = code == null || code.isBlank() ? CourseRuns.randomCode() : code.strip();
        runs.byJoinCode(course.id, wanted).filter(owner -> owner != run).ifPresent(owner -> {
            throw DomainException.invalid("joinCode", "is the join code of run '" + owner.name + "'");
        });
        run.joinCode = wanted;
        return run.joinCode;
    }

    /**
     * A student joins. With the course's join code, a new account is created; the join code never
     * takes an account that exists (a rostered one included: anyone in the cohort knows the join
     * code). With a personal invite code, the rostered account it was issued for is claimed, once.
     * The password is hashed between two short transactions, never inside one. Failed attempts are
     * counted per client address and per course; honest joins, however many at once, never are.
     */
    AccountViews.Session join(String slug, EnrollmentViews.JoinRequest request, String address) {
        if (!passwordsOn) {
            throw DomainException.forbidden(
                    "Joining with a password is off here: sign in with GitHub, then join with the join code.");
        }
        if (request.login() == null || request.login().isBlank()) {
            throw DomainException.invalid("login", "is required unless you are signed in");
        }
        if (request.password() == null || request.password().isBlank()) {
            throw DomainException.invalid("password", "is required unless you are signed in");
        }
        if (!Passwords.fits(request.password())) {
            throw DomainException.invalid("password", "must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
        }
        boolean invited = request.inviteCode() != null && !request.inviteCode().isBlank();
        boolean withJoinCode = request.joinCode() != null && !request.joinCode().isBlank();
        if (invited && github.enabled()) {
            // Where GitHub can prove a login, a password never binds a rostered one.
            throw DomainException.forbidden(
                    "Here rostered students sign in with GitHub: choose \"Sign in with GitHub\" as "
                            + request.login().strip() + ", and your account is yours.",
                    "inviteCode",
                    "is not used where sign-in with GitHub is on");
        }
        if (invited == withJoinCode) {
            throw DomainException.invalid(
                    invited ? "inviteCode" : "joinCode",
                    "send either the course's joinCode (a new account) or your personal inviteCode (a rostered account)");
        }
        throttled(address, slug, () -> QuarkusTransaction.requiringNew().run(() -> checkJoin(slug, request, invited)));
        String passwordHash = passwords.hash(request.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            Opening opening = checkJoin(slug, request, invited);
            AccountEntity account =
                    accounts.register(request.login(), Role.STUDENT, request.name(), request.email(), passwordHash);
            enrolments.enrol(opening.course(), account, opening.runId()).inviteHash = null;
            return accounts.signIn(account);
        });
    }

    /** A signed-in student (one who signed in with GitHub, say) joins with the course's join code alone. */
    AccountViews.Session joinSignedIn(
            String slug, long accountId, EnrollmentViews.JoinRequest request, String address) {
        if (request.joinCode() == null || request.joinCode().isBlank()) {
            throw DomainException.invalid("joinCode", "is required");
        }
        throttled(address, slug, () -> QuarkusTransaction.requiringNew()
                .run(() -> requireJoinCode(courses.row(slug), request.joinCode())));
        return QuarkusTransaction.requiringNew().call(() -> {
            CourseEntity course = courses.row(slug);
            // Again in the writing transaction, as join() does: the code may have changed meanwhile.
            CourseRunEntity run = requireJoinCode(course, request.joinCode());
            AccountEntity account = AccountEntity.findById(accountId);
            if (account.role != Role.STUDENT) {
                throw DomainException.forbidden("Only students join courses.");
            }
            enrolments.enrol(course, account, run.id);
            return accounts.signIn(account);
        });
    }

    /**
     * Runs a join's checks unless the address or the course made too many failed attempts lately;
     * a refusal from the checks counts as a failed attempt for both.
     */
    private void throttled(String address, String slug, Runnable checks) {
        throttle(perAddress.blockedUntil(address), "address");
        throttle(perCourse.blockedUntil(slug), "course");
        try {
            checks.run();
        } catch (DomainException refused) {
            perAddress.failed(address);
            perCourse.failed(slug);
            throw refused;
        }
    }

    private static void throttle(Instant blockedUntil, String what) {
        if (blockedUntil != null) {
            throw DomainException.throttled(
                    "Too many failed attempts to join from this " + what + "; try again later.", blockedUntil);
        }
    }

    /** The run a join code opens: each run of a course has its own, and the code says which cohort a student joins. */
    private CourseRunEntity requireJoinCode(CourseEntity course, String joinCode) {
        return runs.byJoinCode(course.id, joinCode)
                .orElseThrow(() -> DomainException.forbidden(
                        "That join code does not open this course.",
                        "joinCode",
                        "does not match the join code of a run of this course"));
    }

    /** A course and the run a student enters it by. */
    private record Opening(CourseEntity course, long runId) {}

    /** The course, when the code opens it for this login: a join code for a new login, an invite code for its rostered account. */
    private Opening checkJoin(String slug, EnrollmentViews.JoinRequest request, boolean invited) {
        CourseEntity course = courses.row(slug);
        AccountEntity existing = AccountEntity.findByLogin(request.login()).orElse(null);
        if (invited) {
            EnrollmentEntity enrollment = existing == null
                    ? null
                    : EnrollmentEntity.of(course.id, existing.id).orElse(null);
            if (enrollment == null
                    || !Invites.opens(
                            new Invites.Account(
                                    existing.role,
                                    enrollment.rostered,
                                    existing.passwordHash != null,
                                    existing.githubId != null),
                            enrollment.inviteHash,
                            Tokens.digest(request.inviteCode().strip()))) {
                throw DomainException.forbidden(
                        "That invite code does not open this account.",
                        "inviteCode",
                        "does not match an invite for this login");
            }
            return new Opening(course, enrollment.runId);
        }
        CourseRunEntity run = requireJoinCode(course, request.joinCode());
        if (existing != null) {
            throw DomainException.conflict(
                    existing.passwordHash != null
                            ? "An account '" + existing.login + "' exists already: sign in instead."
                            : "'" + existing.login
                                    + "' is on the roster: join with your personal invite code from your instructor.");
        }
        return new Opening(course, run.id);
    }
}
