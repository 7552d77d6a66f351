package dev.syllabus.content;

import dev.syllabus.domain.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What counts as GitHub evidence in one course, from the {@code [evidence]} table of
 * {@code course.toml}. Approvals count from instructors who signed in with GitHub and from the
 * listed reviewers; checks count when the listed check runs (or, with none listed, the check
 * suite) conclude {@code success} on the pull request's current head commit.
 */
public record EvidencePolicy(List<String> reviewers, List<String> checks, SelfTicks selfTicks) {

    /** What a student's own tick is worth (course.toml: {@code self_ticks = "count"} or {@code "claim"}). */
    public enum SelfTicks {
        /** It counts toward passing, as GitHub's or an instructor's would. */
        COUNT,
        /** It marks the item claimed; the item counts once GitHub or an instructor confirms it. */
        CLAIM
    }

    public static final EvidencePolicy DEFAULT = new EvidencePolicy(List.of(), List.of(), SelfTicks.COUNT);
    static final String TABLE = "evidence";
    static final String SELF_TICKS = "self_ticks";
    static final int MAX_ENTRIES = 50;
    static final int MAX_CHECK_NAME = 100;

    public EvidencePolicy {
        reviewers = reviewers.stream()
                .map(r -> r.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        checks = checks.stream().distinct().toList();
        selfTicks = selfTicks == null ? SelfTicks.COUNT : selfTicks;
    }

    public EvidencePolicy(List<String> reviewers, List<String> checks) {
        this(reviewers, checks, SelfTicks.COUNT);
    }

    /** Whether a done item vouched for by {@code source} (STUDENT, GITHUB, INSTRUCTOR) counts toward passing. */
    public boolean counts(String source) {
        return selfTicks == SelfTicks.COUNT || !"STUDENT".equals(source);
    }

    public boolean isReviewer(String login) {
        return login != null && reviewers.contains(login.toLowerCase(Locale.ROOT));
    }

    /** Reads the {@code [evidence]} table; anything malformed is reported against {@code file} and left out. */
    static EvidencePolicy read(Object table, String file, List<ContentIssue> issues) {
        if (table == null) {
            return DEFAULT;
        }
        if (!(table instanceof Map<?, ?> fields)) {
            issues.add(new ContentIssue(
                    file, 0, "'evidence' must be a table: [evidence] with reviewers = [...] and checks = [...]"));
            return DEFAULT;
        }
        for (Object key : fields.keySet()) {
            if (!key.equals("reviewers") && !key.equals("checks") && !key.equals(SELF_TICKS)) {
                issues.add(new ContentIssue(
                        file, 0, "[evidence] has no setting '" + key + "': use reviewers, checks or self_ticks"));
            }
        }
        List<String> reviewers = names(
                fields.get("reviewers"), "reviewers", file, issues, Names::isGithubLogin, "is not a GitHub login");
        List<String> checks = names(
                fields.get("checks"),
                "checks",
                file,
                issues,
                name -> !name.isBlank() && name.length() <= MAX_CHECK_NAME,
                "is not a check name (1 to " + MAX_CHECK_NAME + " characters)");
        return new EvidencePolicy(reviewers, checks, selfTicks(fields.get(SELF_TICKS), file, issues));
    }

    private static SelfTicks selfTicks(Object value, String file, List<ContentIssue> issues) {
        if (value == null) {
            return SelfTicks.COUNT;
        }
        for (SelfTicks choice : SelfTicks.values()) {
            if (choice.name().toLowerCase(Locale.ROOT).equals(value)) {
                return choice;
            }
        }
        issues.add(new ContentIssue(file, 0, "evidence.self_ticks: '" + value + "' is not \"count\" or \"claim\""));
        return SelfTicks.COUNT;
    }

    private static List<String> names(
            Object value, String key, String file, List<ContentIssue> issues, Predicate<String> valid, String invalid) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            issues.add(new ContentIssue(file, 0, "evidence." + key + " must be a list of strings"));
            return List.of();
        }
        if (list.size() > MAX_ENTRIES) {
            issues.add(new ContentIssue(
                    file, 0, "evidence." + key + " lists " + list.size() + " entries; at most " + MAX_ENTRIES));
        }
        List<String> names = new ArrayList<>();
        for (Object entry : list.subList(0, Math.min(list.size(), MAX_ENTRIES))) {
            if (entry instanceof String name && valid.test(name)) {
                names.add(name);
            } else {
                issues.add(new ContentIssue(file, 0, "evidence." + key + ": '" + entry + "' " + invalid));
            }
        }
        return names;
    }

    /** The table as TOML writes it, or null when it says nothing beyond the defaults. */
    Map<String, Object> table() {
        return equals(DEFAULT)
                ? null
                : Map.of(
                        "reviewers",
                        reviewers,
                        "checks",
                        checks,
                        SELF_TICKS,
                        selfTicks.name().toLowerCase(Locale.ROOT));
    }
}
