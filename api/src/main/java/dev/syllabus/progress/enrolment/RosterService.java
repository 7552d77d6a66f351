package dev.syllabus.progress.enrolment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.AccountService;
import dev.syllabus.account.Role;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.CourseRuns;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.progress.cohort.CohortCache;
import dev.syllabus.progress.cohort.CohortViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Roster uploads: a CSV of GitHub login, name and email. Every row is checked first; one bad row
 * rejects the whole upload (422 listing every problem) and nothing is stored.
 */
@ApplicationScoped
public class RosterService {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");
    private static final int MAX_ROWS = 5000;

    private record Entry(int line, String login, String name, String email) {}

    private final Courses courses;
    private final CourseRuns runs;
    private final CohortCache cohorts;
    private final Enrolments enrolments;
    private final AccountService accounts;

    RosterService(
            Courses courses, CourseRuns runs, CohortCache cohorts, AccountService accounts, Enrolments enrolments) {
        this.enrolments = enrolments;
        this.courses = courses;
        this.runs = runs;
        this.cohorts = cohorts;
        this.accounts = accounts;
    }

    @Transactional
    CohortViews.RosterResult upload(String slug, String csv) {
        CourseEntity course = courses.row(slug);
        List<Entry> entries = parse(csv);
        // A roster fills the current run; a run's own roster comes with its join code or invites.
        long runId = runs.current(course.id).id;
        int created = 0;
        int updated = 0;
        int enrolled = 0;
        List<CohortViews.RosterConflict> conflicts = new ArrayList<>();
        for (Entry entry : entries) {
            AccountEntity account = AccountEntity.findByLogin(entry.login()).orElse(null);
            if (account != null && selfJoined(account)) {
                // Whoever joined under this login first may not be the student the roster means.
                conflicts.add(new CohortViews.RosterConflict(
                        entry.line(),
                        account.login,
                        "'" + account.login + "' joined under this login with a password, and nobody has proven it is"
                                + " theirs: nothing was changed for it. Keep the account if it is your student's, or"
                                + " reset it to an invite (POST .../roster/conflicts/" + account.login + ")."));
                continue;
            }
            if (account == null) {
                account = new AccountEntity();
                account.login = entry.login().toLowerCase(Locale.ROOT);
                account.role = Role.STUDENT;
                account.createdAt = Instant.now();
                account.name = entry.name();
                account.email = entry.email();
                account.persist();
                created++;
            } else if (!Objects.equals(account.name, entry.name()) || !Objects.equals(account.email, entry.email())) {
                account.name = entry.name() == null ? account.name : entry.name();
                account.email = entry.email() == null ? account.email : entry.email();
                updated++;
            }
            if (!EnrollmentEntity.exists(course.id, account.id)) {
                enrolled++;
            }
            rostered(course, account, runId);
        }
        cohorts.changed(course.id);
        return new CohortViews.RosterResult(created, updated, enrolled, entries.size(), conflicts);
    }

    /**
     * The instructor's choice for a self-joined account the roster names: keep it as the rostered
     * student's, or reset it to a rostered account nobody has claimed (for an invite or GitHub).
     */
    @Transactional
    CohortViews.RosterConflictResolution resolve(String slug, String login, CohortViews.Choice choice) {
        CourseEntity course = courses.row(slug);
        AccountEntity account = AccountEntity.findByLogin(login)
                .filter(a -> a.role == Role.STUDENT)
                .orElseThrow(() -> DomainException.notFound("No student '" + login + "' has an account."));
        if (!selfJoined(account)) {
            throw DomainException.conflict("'" + account.login + "' is not in conflict with this course's roster:"
                    + " GitHub has proven it, it is rostered already, or nobody has joined under it.");
        }
        if (choice == CohortViews.Choice.RESET) {
            accounts.resetUnproven(account);
        }
        rostered(course, account, runs.current(course.id).id);
        cohorts.changed(course.id);
        return new CohortViews.RosterConflictResolution(account.login, choice);
    }

    /**
     * An account someone made by joining under its login with a password: nobody has proven it
     * (GitHub), and no roster has named it (an instructor vouching for the login).
     */
    private static boolean selfJoined(AccountEntity account) {
        return account.role == Role.STUDENT
                && account.passwordHash != null
                && account.githubId == null
                && !EnrollmentEntity.rosteredAnywhere(account.id);
    }

    /** Enrols the account in the run (or keeps its enrolment) as one the roster names. */
    private void rostered(CourseEntity course, AccountEntity account, long runId) {
        EnrollmentEntity enrollment =
                EnrollmentEntity.of(course.id, account.id).orElseGet(() -> enrolments.enrol(course, account, runId));
        enrollment.rostered = true;
    }

    /** Reads and checks every row; throws 422 with all problems at once. */
    private static List<Entry> parse(String csv) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            int line = 1;
            while (rows.hasNextValue()) {
                line++;
                if (entries.size() + errors.size() >= MAX_ROWS) {
                    errors.add(new DomainException.FieldError("roster", "has more than " + MAX_ROWS + " rows"));
                    break;
                }
                Map<String, String> row = lowerCaseKeys(rows.nextValue());
                if (!row.containsKey("login")) {
                    errors.add(new DomainException.FieldError("roster", "needs a header line: login,name,email"));
                    break;
                }
                String login = blankToNull(row.get("login"));
                String name = blankToNull(row.get("name"));
                String email = blankToNull(row.get("email"));
                String where = "line " + line;
                if (login == null || !Names.isGithubLogin(login)) {
                    errors.add(new DomainException.FieldError(
                            where + ": login", "must be a GitHub login (letters, digits, single hyphens, at most 39)"));
                } else if (!seen.add(login.toLowerCase(Locale.ROOT))) {
                    errors.add(new DomainException.FieldError(where + ": login", "appears twice in the roster"));
                } else if (AccountEntity.findByLogin(login)
                        .filter(a -> a.role != Role.STUDENT)
                        .isPresent()) {
                    errors.add(new DomainException.FieldError(where + ": login", "belongs to an instructor"));
                }
                if (name != null && name.length() > 200) {
                    errors.add(new DomainException.FieldError(where + ": name", "is longer than 200 characters"));
                }
                if (email != null
                        && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
                    errors.add(new DomainException.FieldError(where + ": email", "is not an email address"));
                }
                entries.add(new Entry(line, login, name, email));
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new DomainException.FieldError("roster", "is not valid CSV: " + firstLine(e.getMessage())));
        }
        if (entries.isEmpty() && errors.isEmpty()) {
            errors.add(new DomainException.FieldError("roster", "has no rows"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.brokenRules(
                    "The roster has " + errors.size() + " problem(s); nothing was changed.", errors);
        }
        return entries;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> row) {
        Map<String, String> lower = new HashMap<>();
        row.forEach((key, value) ->
                lower.put(key.strip().toLowerCase(Locale.ROOT).replace("github login", "login"), value));
        return lower;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
