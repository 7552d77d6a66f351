package dev.syllabus.account;

import java.util.Locale;

/**
 * Who a proven GitHub identity (GitHub's numeric user id and its login today) may be in Syllabus:
 * the one rule behind "a GitHub login counts only once GitHub has proven it". Pure: it sees the
 * two accounts that matter, the one linked to that user id and the one holding that login, and
 * says what to do; {@link AccountService} carries it out.
 *
 * <p>The user id is the identity; logins are names GitHub hands out again. So an account linked to
 * an id is only ever that id's, an unlinked account is claimed by GitHub only where nobody could
 * have proven otherwise (a rostered student nobody has claimed, or a student who joined under a
 * login they never proved, who then keeps nothing of theirs), and an instructor is linked only
 * explicitly (signed in with their password, or named by id at deployment).
 */
public final class GithubIdentity {

    private GithubIdentity() {}

    /** What the rule needs to know of an account. */
    public record Holder(long id, Long githubId, Role role, boolean hasPassword) {
        boolean linked() {
            return githubId != null;
        }
    }

    /** What a sign-in or a link comes to. */
    public sealed interface Decision {}

    /**
     * Sign {@code accountId} in (linking it to the user id where it was not yet), named with
     * GitHub's login; {@code moveAside}, when not null, is a stale holder of that login (another
     * GitHub user who renamed away) that gives the login up for {@link #formerLogin}.
     * {@code stripSquatter}: the account was joined under a login its holder never proved, so what
     * they left in it (password, email, calendar address, tokens, their own ticks) goes.
     */
    public record Accept(long accountId, boolean linkNow, boolean stripSquatter, Long moveAside) implements Decision {}

    /** A new student account for this GitHub user, after moving a stale holder aside if any. */
    public record Create(Long moveAside) implements Decision {}

    /** Refused: nothing changes; the reason says what to do. */
    public record Refuse(String reason) implements Decision {}

    /**
     * Someone signed in with GitHub as {@code githubId}, login {@code login}.
     *
     * @param linked the account linked to that user id, or null
     * @param holder the account holding that login (case-insensitive), or null
     */
    public static Decision signIn(long githubId, String login, Holder linked, Holder holder) {
        if (linked != null && linked.githubId() != githubId) {
            throw new IllegalArgumentException("the linked account must be linked to " + githubId);
        }
        Holder other = holder != null && (linked == null || holder.id() != linked.id()) ? holder : null;
        if (other != null && !other.linked() && (linked != null || other.role() != Role.STUDENT)) {
            // An account nobody proved holds the login: GitHub's word does not take it, and the
            // instructor whose login it is must link it first.
            return new Refuse(collision(login, other));
        }
        Long moveAside = other != null && other.linked() ? other.id() : null;
        if (linked != null) {
            return new Accept(linked.id(), false, false, moveAside);
        }
        if (other != null && !other.linked()) {
            // A student account under this login that nobody proved: rostered (no password), or
            // joined by whoever typed the login (a password): GitHub settles whose it is.
            return new Accept(other.id(), true, other.hasPassword(), null);
        }
        return new Create(moveAside);
    }

    /**
     * A signed-in account asks to be linked to GitHub user {@code githubId}, login {@code login}:
     * it then takes GitHub's login as its own.
     *
     * @param account the account asking
     * @param linked the account already linked to that user id, or null
     * @param holder the account holding that login, or null
     */
    public static Decision link(Holder account, long githubId, String login, Holder linked, Holder holder) {
        if (account.linked() && account.githubId() != githubId) {
            return new Refuse("This account is linked to another GitHub account already; sign in with that one.");
        }
        if (linked != null && linked.id() != account.id()) {
            return new Refuse("That GitHub account is linked to another Syllabus account: sign out and sign in"
                    + " with GitHub to use it, or sign in to GitHub as the account you mean to link.");
        }
        Holder other = holder != null && holder.id() != account.id() ? holder : null;
        if (other != null && !other.linked()) {
            return new Refuse(collision(login, other));
        }
        return new Accept(account.id(), !account.linked(), false, other == null ? null : other.id());
    }

    /**
     * The login an account gets when the GitHub user it is linked to no longer holds its login: two
     * hyphens in a row, which GitHub does not hand out, so no GitHub user can ever arrive under it.
     */
    public static String formerLogin(long githubId) {
        return "gh--" + githubId;
    }

    /** Whether {@code login} is one {@link #formerLogin} gave out. */
    public static boolean isFormerLogin(String login) {
        return login != null && login.toLowerCase(Locale.ROOT).matches("gh--[0-9]{1,19}");
    }

    private static String collision(String login, Holder other) {
        return other.role() == Role.STUDENT
                ? "The login '" + login + "' belongs to another Syllabus account that GitHub has not proven."
                        + " If it is yours, sign in with its password and link your GitHub account;"
                        + " otherwise ask your instructor to reset it to an invite."
                : "The login '" + login + "' belongs to an instructor account that is not linked to GitHub."
                        + " Sign in with its password and choose \"Link your GitHub account\","
                        + " or have the operator name your GitHub user id in SYLLABUS_ADMIN_GITHUB_ID.";
    }
}
