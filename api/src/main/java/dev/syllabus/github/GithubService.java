package dev.syllabus.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.GithubSignIn;
import dev.syllabus.account.Role;
import dev.syllabus.content.Course;
import dev.syllabus.content.EvidencePolicy;
import dev.syllabus.course.Courses;
import dev.syllabus.progress.ChecklistMarks;
import dev.syllabus.progress.ChecklistService;
import dev.syllabus.progress.PullRequestStates;
import dev.syllabus.progress.RepositoryOwners;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns GitHub webhook deliveries into checklist evidence: each pull request in a registered
 * repository is tracked (state, checks, review on its head commit) and matched to a task by the
 * students' naming convention; a merged pull request whose checks passed, or that was approved,
 * completes its task.
 */
@ApplicationScoped
public class GithubService implements PullRequestStates, RepositoryOwners {

    private final ChecklistService checklists;
    private final ChecklistMarks marks;
    private final GithubSignIn signIn;
    private final Courses courses;

    GithubService(ChecklistService checklists, ChecklistMarks marks, GithubSignIn signIn, Courses courses) {
        this.checklists = checklists;
        this.marks = marks;
        this.signIn = signIn;
        this.courses = courses;
    }

    /**
     * Where sign-in with GitHub is set up, a GitHub login counts only once GitHub has proven it.
     * (Without it, nobody can be proven, and the login the student joined with is what there is.)
     */
    boolean provenEnough(long accountId) {
        return student(AccountEntity.findById(accountId)).proven();
    }

    private EvidenceRule.Student student(AccountEntity account) {
        return new EvidenceRule.Student(account.login, account.githubId, signIn.enabled());
    }

    /** The course's evidence policy, as its content says (course.toml's [evidence]). */
    EvidencePolicy policy(long courseId) {
        return courses.published(courseId).map(Course::evidencePolicy).orElse(EvidencePolicy.DEFAULT);
    }

    public record Outcome(String outcome, String detail) {
        static Outcome processed(String detail) {
            return new Outcome("PROCESSED", detail);
        }

        static Outcome ignored(String detail) {
            return new Outcome("IGNORED", detail);
        }
    }

    /**
     * Handles one verified delivery, once: a delivery id seen before, or a body seen before under
     * another id (the id is not covered by the signature, so a copied delivery could be replayed
     * under a new one), is acknowledged and ignored.
     */
    @Transactional
    public Outcome deliver(String deliveryId, String bodySha256, String event, JsonNode payload) {
        if (DeliveryEntity.count("deliveryId = ?1 or bodySha256 = ?2", deliveryId, bodySha256) > 0) {
            return new Outcome(
                    "DUPLICATE",
                    "delivery " + deliveryId + " (or the same body under another id) was processed already");
        }
        String action = payload.path("action").asText(null);
        Outcome outcome =
                switch (event) {
                    case "ping" -> Outcome.processed("pong");
                    case "pull_request" -> pullRequest(payload);
                    case "pull_request_review" -> review(payload, action);
                    case "check_suite" ->
                        "completed".equals(action)
                                ? checks(payload, payload.path("check_suite"), null)
                                : Outcome.ignored("only completed check suites count");
                    case "check_run" -> checkRun(payload, action);
                    case "member" ->
                        "added".equals(action) ? member(payload) : Outcome.ignored("only added members count");
                    default -> Outcome.ignored("event '" + event + "' is not used");
                };
        DeliveryEntity delivery = new DeliveryEntity();
        delivery.deliveryId = deliveryId;
        delivery.event = event;
        delivery.action = action;
        delivery.repository = repository(payload);
        delivery.receivedAt = Instant.now();
        delivery.outcome = outcome.outcome();
        delivery.detail = outcome.detail() == null
                ? null
                : outcome.detail().substring(0, Math.min(1000, outcome.detail().length()));
        delivery.bodySha256 = bodySha256;
        delivery.persist();
        return outcome;
    }

    private Outcome pullRequest(JsonNode payload) {
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return unregistered(payload);
        }
        PullRequestEntity row = upsert(repository, payload.path("pull_request"));
        if (row == null) {
            return Outcome.ignored("an older event than the one already processed");
        }
        return completed(row, describe(row));
    }

    /** The outcome once {@code row} changed: processed, or ignored with the reason its task could not be credited. */
    private Outcome completed(PullRequestEntity row, String detail) {
        Credit credit = complete(row);
        String summary = detail + credit.summary();
        return credit.refusal() != null ? Outcome.ignored(summary) : Outcome.processed(summary);
    }

    private Outcome review(JsonNode payload, String action) {
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return unregistered(payload);
        }
        JsonNode pr = payload.path("pull_request");
        PullRequestEntity row = upsert(repository, pr);
        if (row == null) {
            row = find(repository.fullName, pr.path("number").asInt());
        }
        JsonNode review = payload.path("review");
        String commit = review.path("commit_id").asText("");
        Instant at = instant(review.path("submitted_at").asText(null));
        String state = review.path("state").asText("").toLowerCase(Locale.ROOT);
        if ("dismissed".equals(action) || "dismissed".equals(state)) {
            Instant updated = instant(pr.path("updated_at").asText(null));
            row.take(row.facts().onDismissal(commit, PullRequestFacts.latest(updated, at)));
            return Outcome.processed(describe(row) + ": review dismissed");
        }
        if (!"submitted".equals(action)) {
            return Outcome.ignored("review action '" + action + "' is not used");
        }
        PullRequestFacts.Review decision =
                switch (state) {
                    case "approved" -> PullRequestFacts.Review.APPROVED;
                    case "changes_requested" -> PullRequestFacts.Review.CHANGES_REQUESTED;
                    default -> null;
                };
        if (decision == null) {
            return Outcome.ignored("a comment review changes nothing");
        }
        JsonNode reviewer = review.path("user");
        String login = reviewer.path("login").asText("");
        Long reviewerId =
                reviewer.path("id").canConvertToLong() ? reviewer.path("id").asLong() : null;
        if (!staff(row.courseId).counts(reviewerId, login)) {
            return Outcome.ignored(
                    "review by " + (login.isEmpty() ? "an unknown account" : login)
                            + ", who is not course staff: only reviews by instructors who signed in with GitHub and the course's reviewers count");
        }
        if (!(row.facts().onReview(decision, commit, at) instanceof PullRequestFacts.Applied applied)) {
            return Outcome.ignored("a review older than the one already recorded");
        }
        row.take(applied.facts());
        String stale = commit.equals(row.headSha) ? "" : " (on an older commit: stale)";
        return completed(row, describe(row) + ": " + decision + stale);
    }

    /** A check suite (or, with {@code runName}, one named check run) completed on a commit. */
    private Outcome checks(JsonNode payload, JsonNode check, String runName) {
        String sha = check.path("head_sha").asText("");
        String conclusion = check.path("conclusion").asText("");
        String fullName = repository(payload);
        List<PullRequestEntity> rows = new ArrayList<>();
        for (JsonNode listed : check.path("pull_requests")) {
            PullRequestEntity row = find(fullName, listed.path("number").asInt());
            if (row != null) {
                rows.add(row);
            }
        }
        if (check.path("pull_requests").isEmpty() && fullName != null) {
            // Forks: GitHub lists no pull requests, so match by the commit the checks ran on, in this repository only.
            rows.addAll(PullRequestEntity.list("fullName = ?1 and headSha = ?2", fullName, sha));
        }
        if (rows.isEmpty()) {
            return Outcome.ignored("no tracked pull request has head commit " + sha);
        }
        List<String> done = new ArrayList<>();
        for (PullRequestEntity row : rows) {
            PullRequestFacts facts = row.facts();
            PullRequestFacts.Transition transition =
                    runName == null ? facts.onCheckSuite(sha, conclusion) : facts.onCheckRun(sha, runName, conclusion);
            if (transition instanceof PullRequestFacts.Stale stale) {
                done.add(describe(row) + ": " + stale.reason());
                continue;
            }
            row.take(((PullRequestFacts.Applied) transition).facts());
            Credit credit = complete(row);
            String what = runName == null ? "checks " : "check '" + runName + "' ";
            done.add(describe(row) + ": " + what + PullRequestFacts.Checks.ofConclusion(conclusion) + credit.summary());
        }
        return Outcome.processed(String.join("; ", done));
    }

    private Outcome member(JsonNode payload) {
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return unregistered(payload);
        }
        JsonNode member = payload.path("member");
        String login = truncate(member.path("login").asText(""), 39);
        // Logins are handed out again: only GitHub's user id says who was added.
        boolean instructor = member.path("id").canConvertToLong()
                && AccountEntity.findByGithubId(member.path("id").asLong())
                        .filter(a -> a.role == Role.INSTRUCTOR)
                        .isPresent();
        if (!instructor) {
            return Outcome.ignored(login + " (GitHub user " + member.path("id").asText("?")
                    + ") is not an instructor linked to GitHub");
        }
        String permission =
                payload.path("changes").path("permission").path("to").asText("");
        if (!"admin".equals(permission)) {
            return Outcome.ignored(
                    login + " was added with '" + truncate(permission, 20) + "' permission; the course asks for admin");
        }
        String slug = courses.slug(repository.courseId);
        return checklists
                .setupItem(slug, "admin")
                .map(item -> {
                    String refusal = marks.refusal(slug, repository.accountId, item);
                    if (refusal != null) {
                        return Outcome.ignored(item + " not credited: " + refusal);
                    }
                    marks.recordEvidence(
                            slug, repository.accountId, item, "https://github.com/" + repository.fullName, null);
                    return Outcome.processed(item + " done: " + login + " was added to " + repository.fullName);
                })
                .orElse(Outcome.ignored("the course has no setup item about adding the instructor"));
    }

    /** A named check run counts only where the course lists its name (course.toml's evidence.checks). */
    private Outcome checkRun(JsonNode payload, String action) {
        if (!"completed".equals(action)) {
            return Outcome.ignored("only completed check runs count");
        }
        JsonNode run = payload.path("check_run");
        String name = run.path("name").asText("");
        GithubRepositoryEntity repository = registered(payload);
        if (repository == null) {
            return unregistered(payload);
        }
        if (!policy(repository.courseId).checks().contains(name)) {
            return Outcome.ignored("check run '" + truncate(name, 100) + "' is not one the course counts");
        }
        return checks(payload, run, name);
    }

    /** Creates or updates the row from a pull_request object; null when the object is older than the row. */
    private PullRequestEntity upsert(GithubRepositoryEntity repository, JsonNode pr) {
        int number = pr.path("number").asInt();
        PullRequestEntity row = find(repository.fullName, number);
        if (row == null) {
            row = new PullRequestEntity();
            row.courseId = repository.courseId;
            row.accountId = repository.accountId;
            row.fullName = repository.fullName;
            row.number = number;
            row.take(PullRequestFacts.unknown());
        }
        if (!(row.facts().onPullRequest(event(pr), Instant.now()) instanceof PullRequestFacts.Applied applied)) {
            return null;
        }
        row.take(applied.facts());
        row.url =
                pullRequestUrl(repository.fullName, number, pr.path("html_url").asText(""));
        row.title = truncate(pr.path("title").asText(""), 1000);
        row.headRef = truncate(pr.path("head").path("ref").asText(null), 300);
        Instant mergedAt = instant(pr.path("merged_at").asText(null));
        if (mergedAt != null && row.facts().state() == PullRequestFacts.State.MERGED) {
            row.mergedAt = mergedAt;
        }
        if (!row.assignedByHand) {
            row.itemId = TaskMatcher.match(
                            checklists.itemIds(courses.slug(repository.courseId)),
                            row.title,
                            pr.path("body").asText(""),
                            row.headRef)
                    .orElse(null);
        }
        row.persist();
        return row;
    }

    /** A delivery's pull_request object as the facts it carries. */
    private static PullRequestFacts.PullRequestEvent event(JsonNode pr) {
        boolean merged = pr.path("merged").asBoolean(false)
                || !pr.path("merged_at").isMissingNode()
                        && !pr.path("merged_at").isNull();
        PullRequestFacts.State state = merged
                ? PullRequestFacts.State.MERGED
                : "closed".equals(pr.path("state").asText())
                        ? PullRequestFacts.State.CLOSED
                        : PullRequestFacts.State.OPEN;
        JsonNode author = pr.path("user");
        String login = author.path("login").asText("");
        return new PullRequestFacts.PullRequestEvent(
                state,
                pr.path("head").path("sha").asText(""),
                instant(pr.path("updated_at").asText(null)),
                author.path("id").canConvertToLong() ? author.path("id").asLong() : null,
                login.isEmpty() ? null : truncate(login.toLowerCase(Locale.ROOT), 39));
    }

    /** What crediting a pull request's task came to: a detail to report, or the reason it could not be credited. */
    record Credit(String detail, String refusal) {
        static final Credit NOTHING = new Credit("", null);

        /** What to add to a delivery's report: what was credited, or why nothing could be. */
        String summary() {
            return refusal != null ? "; not credited: " + refusal : detail;
        }
    }

    /**
     * Asks the evidence rules what the pull request comes to and, when it credits its task, records
     * the tick. Business refusals come back as a reason, never as an exception: the delivery is then
     * recorded as ignored.
     */
    Credit complete(PullRequestEntity row) {
        String slug = courses.slug(row.courseId);
        GithubRepositoryEntity repository = GithubRepositoryEntity.named(row.fullName);
        if (repository != null && Proof.REJECTED.name().equals(repository.ownerDecision)) {
            return new Credit("", "an instructor rejected " + row.fullName + " as the student's repository");
        }
        EvidenceRule.Verdict verdict = EvidenceRule.judge(
                row.facts(), row.itemId, student(AccountEntity.findById(row.accountId)), policy(row.courseId));
        if (verdict instanceof EvidenceRule.Refused refused) {
            return new Credit("", refused.reason());
        }
        if (!(verdict instanceof EvidenceRule.Credit credit)) {
            return Credit.NOTHING;
        }
        String refusal = marks.refusal(slug, row.accountId, credit.itemId());
        if (refusal != null) {
            return new Credit("", refusal);
        }
        marks.recordEvidence(slug, row.accountId, credit.itemId(), row.url, row.mergedAt);
        return new Credit("; " + credit.itemId() + " done", null);
    }

    /** The course's staff, whose reviews count: see {@link EvidenceRule.Staff}. */
    private EvidenceRule.Staff staff(long courseId) {
        List<AccountEntity> instructors = AccountEntity.list("role", Role.INSTRUCTOR);
        return new EvidenceRule.Staff(
                instructors.stream()
                        .map(a -> a.githubId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()),
                instructors.stream().map(a -> a.login.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                signIn.enabled(),
                policy(courseId));
    }

    /** GitHub's link to the pull request, when it is one of this repository's; else the canonical one. */
    static String pullRequestUrl(String fullName, int number, String htmlUrl) {
        String canonical = "https://github.com/" + fullName + "/pull/" + number;
        return htmlUrl.equalsIgnoreCase(canonical) ? htmlUrl : canonical;
    }

    record DeliveryPage(List<GithubViews.Delivery> deliveries, long total) {}

    @Transactional
    DeliveryPage deliveries(Page page) {
        List<GithubViews.Delivery> rows =
                DeliveryEntity.<DeliveryEntity>findAll(Sort.descending("receivedAt", "id")).page(page).list().stream()
                        .map(GithubViews.Delivery::of)
                        .toList();
        return new DeliveryPage(rows, DeliveryEntity.count());
    }

    @Override
    @Transactional
    public Map<String, PullRequestState> byItem(long courseId, long accountId) {
        EvidencePolicy policy = policy(courseId);
        return PullRequestEntity.<PullRequestEntity>list(
                        "courseId = ?1 and accountId = ?2 and itemId is not null order by updatedAt",
                        courseId,
                        accountId)
                .stream()
                .collect(Collectors.toMap(p -> p.itemId, p -> state(p, policy), (older, newer) -> newer));
    }

    private static PullRequestState state(PullRequestEntity row, EvidencePolicy policy) {
        PullRequestFacts facts = row.facts();
        return new PullRequestState(
                row.number,
                row.url,
                row.state.name(),
                facts.currentChecks(policy).name(),
                facts.currentReview().name());
    }

    @Override
    @Transactional
    public Map<Long, RepositoryOwner> ofCourse(long courseId) {
        Map<Long, RepositoryOwner> owners = new HashMap<>();
        owned("r.courseId = ?1", courseId).forEach(o -> owners.put(o.accountId(), o.owner()));
        return owners;
    }

    @Override
    @Transactional
    public Optional<RepositoryOwner> of(long courseId, long accountId) {
        return owned("r.courseId = ?1 and r.accountId = ?2", courseId, accountId).stream()
                .findFirst()
                .map(Owned::owner);
    }

    /** A registered repository with what the proof needs of its student, read in one query. */
    record Owned(long accountId, String fullName, String decision, Long studentGithubId, String studentLogin) {
        RepositoryOwner owner() {
            return new RepositoryOwner(
                    fullName,
                    RepositoryOwner.proof(
                            decision,
                            studentGithubId != null,
                            fullName.substring(0, fullName.indexOf('/')),
                            studentLogin));
        }
    }

    private static List<Owned> owned(String where, Object... parameters) {
        var query = GithubRepositoryEntity.getEntityManager()
                .createQuery(
                        "select r.accountId, r.fullName, r.ownerDecision, a.githubId, a.login"
                                + " from GithubRepository r, Account a where a.id = r.accountId and " + where,
                        Owned.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** Who proved {@code repository} is {@code student}'s. */
    static RepositoryOwner owner(GithubRepositoryEntity repository, AccountEntity student) {
        return new Owned(
                        repository.accountId,
                        repository.fullName,
                        repository.ownerDecision,
                        student.githubId,
                        student.login)
                .owner();
    }

    static PullRequestEntity find(String fullName, int number) {
        return PullRequestEntity.<PullRequestEntity>find("fullName = ?1 and number = ?2", fullName, number)
                .firstResult();
    }

    /**
     * The registered repository a delivery is about: the one with its name, bound to GitHub's
     * numeric repository id at its first delivery. Names are handed out again (a renamed or deleted
     * repository, a login someone else now holds); a delivery from another repository under the
     * same name is not the student's, and null.
     */
    private static GithubRepositoryEntity registered(JsonNode payload) {
        String fullName = repository(payload);
        GithubRepositoryEntity found = fullName == null ? null : GithubRepositoryEntity.named(fullName);
        JsonNode id = payload.path("repository").path("id");
        if (found == null || !id.canConvertToLong()) {
            return found;
        }
        if (found.githubId == null) {
            found.githubId = id.asLong();
        }
        return found.githubId == id.asLong() ? found : null;
    }

    /** A delivery about no registered repository: acknowledged, and ignored. */
    private static Outcome unregistered(JsonNode payload) {
        return Outcome.ignored("repository " + repository(payload)
                + " is not registered by a student (or is another GitHub repository under that name)");
    }

    private static String repository(JsonNode payload) {
        String name = payload.path("repository").path("full_name").asText(null);
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String describe(PullRequestEntity row) {
        return row.fullName + "#" + row.number + " " + row.state
                + (row.itemId == null ? " (no task)" : " for " + row.itemId);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
