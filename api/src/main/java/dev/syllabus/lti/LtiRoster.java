package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syllabus.account.AccountEntity;
import dev.syllabus.account.Role;
import dev.syllabus.course.CourseEntity;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.outbound.OutboundHttp;
import dev.syllabus.progress.enrolment.EnrollmentEntity;
import dev.syllabus.progress.enrolment.Enrolments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roster in (LTI Names and Role Provisioning Services 2.0): an instructor syncs a course's runs
 * from the platform courses bound to them. Each page of the platform's membership list is read
 * (following {@code Link: rel="next"}); its active learners get accounts and are enrolled in the
 * bound run; students an earlier sync listed who are no longer listed (or inactive) are flagged,
 * never taken out, and their work stays.
 */
@ApplicationScoped
public class LtiRoster {

    static final String MEMBERSHIPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final int MAX_PAGES = 200;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private final Courses courses;
    private final PlatformCalls calls;
    private final PlatformTokens tokens;
    private final LtiAccounts accounts;
    private final Enrolments enrolments;

    LtiRoster(
            Courses courses, PlatformCalls calls, PlatformTokens tokens, LtiAccounts accounts, Enrolments enrolments) {
        this.courses = courses;
        this.calls = calls;
        this.tokens = tokens;
        this.accounts = accounts;
        this.enrolments = enrolments;
    }

    private record Target(long contextId, String url, String issuer, PlatformTokens.Client client) {}

    /** A member as the platform lists them. */
    private record Member(String userId, String name, String email, List<String> roles, boolean active) {}

    public LtiViews.RosterSync sync(String slug) {
        Courses.Ref ref = courses.find(slug);
        List<Target> targets = QuarkusTransaction.requiringNew().call(() -> LtiContextEntity.ofCourse(ref.id()).stream()
                .filter(context -> context.membershipsUrl != null)
                .map(context -> {
                    LtiPlatformEntity platform = LtiPlatformEntity.findById(context.platformId);
                    return new Target(
                            context.id,
                            context.membershipsUrl,
                            platform.issuer,
                            new PlatformTokens.Client(platform.id, platform.clientId, platform.tokenEndpoint));
                })
                .toList());
        if (targets.isEmpty()) {
            throw DomainException.conflict("No platform course bound to '" + slug + "' offers its roster: launch"
                    + " Syllabus from the platform course first (its launch names the roster's address).");
        }
        List<LtiViews.RosterMember> added = new ArrayList<>();
        List<LtiViews.RosterMember> flagged = new ArrayList<>();
        int listed = 0;
        for (Target target : targets) {
            List<Member> members = members(target);
            listed += members.size();
            QuarkusTransaction.requiringNew().run(() -> apply(ref, target, members, added, flagged));
        }
        return new LtiViews.RosterSync(added, flagged, listed, targets.size());
    }

    /** Every page of the platform course's members. */
    private List<Member> members(Target target) {
        String token = tokens.token(target.client());
        List<Member> members = new ArrayList<>();
        String url = target.url();
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            OutboundHttp.Reply reply = calls.call("GET", url, token, MEMBERSHIPS_TYPE, null, null);
            if (reply.status() == 401) {
                tokens.forget(target.client().platformId());
            }
            JsonNode container = calls.parse("its roster", reply, url);
            for (JsonNode member : container.path("members")) {
                List<String> roles = new ArrayList<>();
                member.path("roles").forEach(role -> roles.add(role.asText()));
                String status = member.path("status").asText("Active");
                members.add(new Member(
                        member.path("user_id").asText(""),
                        member.path("name").asText(null),
                        member.path("email").asText(null),
                        roles,
                        "Active".equalsIgnoreCase(status)));
            }
            url = next(reply.link());
        }
        return members;
    }

    private void apply(
            Courses.Ref ref,
            Target target,
            List<Member> members,
            List<LtiViews.RosterMember> added,
            List<LtiViews.RosterMember> flagged) {
        Instant now = Instant.now();
        LtiContextEntity context = LtiContextEntity.findById(target.contextId());
        CourseEntity course = CourseEntity.findById(ref.id());
        Set<Long> present = new HashSet<>();
        for (Member member : members) {
            if (member.userId().isBlank() || !member.active() || LtiRoles.of(member.roles()) != Role.STUDENT) {
                continue;
            }
            AccountEntity account =
                    accounts.of(target.issuer(), member.userId(), member.name(), member.email(), Role.STUDENT);
            if (account.role != Role.STUDENT) {
                continue; // a Syllabus instructor listed as a learner stays an instructor, not enrolled
            }
            present.add(account.id);
            if (!EnrollmentEntity.exists(ref.id(), account.id)) {
                enrolments.enrol(course, account, context.runId);
                added.add(new LtiViews.RosterMember(account.login, account.name));
            }
            LtiMemberEntity row = LtiMemberEntity.of(context.id, account.id).orElseGet(() -> {
                LtiMemberEntity created = new LtiMemberEntity();
                created.contextId = context.id;
                created.accountId = account.id;
                return created;
            });
            row.hasLeft = false;
            row.syncedAt = now;
            row.persist();
        }
        for (LtiMemberEntity row : LtiMemberEntity.ofContext(context.id)) {
            if (!present.contains(row.accountId) && !row.hasLeft) {
                row.hasLeft = true;
                row.syncedAt = now;
                AccountEntity account = AccountEntity.findById(row.accountId);
                flagged.add(new LtiViews.RosterMember(account.login, account.name));
            }
        }
        context.syncedAt = now;
        context.syncedMembers = members.size();
    }

    /** The next page's address from a {@code Link} header, or null. */
    static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        return next.find() ? next.group(1) : null;
    }
}
