package dev.syllabus.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.domain.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The identity rule, decided directly: a small world of GitHub users who sign in, rename and link,
 * and of people who join with passwords or are put on rosters, run through {@link GithubIdentity}
 * as {@link AccountService} carries it out.
 */
class GithubIdentityTest {

    private static final List<String> LOGINS = List.of("admin", "ada", "grace", "bob", "gh-1");

    /** One thing that happens in the world. */
    sealed interface Step {}

    /** GitHub user {@code user}, whatever their login is now, signs in with GitHub. */
    record SignIn(long user) implements Step {}

    /** GitHub user {@code user} renames to {@code login}, where no GitHub user holds it now. */
    record Rename(long user, String login) implements Step {}

    /** Someone joins with the join code and a password under {@code login}. */
    record PasswordJoin(String login) implements Step {}

    /** An instructor's roster names {@code login}. */
    record Roster(String login) implements Step {}

    /** The account at {@code index} (of those made so far), signed in, links GitHub user {@code user}. */
    record Link(int index, long user) implements Step {}

    /** What the world holds: Syllabus accounts, and GitHub's users with their logins now. */
    static final class World {
        final Map<Long, Account> accounts = new HashMap<>();
        final Map<Long, String> github = new HashMap<>();
        final Map<Long, Long> linkedOnce = new HashMap<>();
        long nextId = 1;

        World() {
            Account admin = create("admin", Role.INSTRUCTOR, true);
            admin.githubId = null;
            for (long user = 1; user <= 4; user++) {
                github.put(user, "user-" + user);
            }
        }

        Account create(String login, Role role, boolean password) {
            Account account = new Account(nextId++, login, role, password);
            accounts.put(account.id, account);
            return account;
        }

        Optional<Account> byLogin(String login) {
            return accounts.values().stream().filter(a -> a.login.equals(login)).findFirst();
        }

        Optional<Account> byGithubId(long user) {
            return accounts.values().stream()
                    .filter(a -> a.githubId != null && a.githubId == user)
                    .findFirst();
        }

        void moveAside(Long id) {
            if (id != null) {
                Account stale = accounts.get(id);
                stale.login = GithubIdentity.formerLogin(stale.githubId);
            }
        }
    }

    static final class Account {
        final long id;
        final Role role;
        String login;
        Long githubId;
        boolean password;

        Account(long id, String login, Role role, boolean password) {
            this.id = id;
            this.login = login;
            this.role = role;
            this.password = password;
        }

        GithubIdentity.Holder holder() {
            return new GithubIdentity.Holder(id, githubId, role, password);
        }
    }

    private static GithubIdentity.Holder holder(Optional<Account> account) {
        return account.map(Account::holder).orElse(null);
    }

    @Property(tries = 2000)
    void noSequenceOfSignInsRenamesJoinsAndRostersGivesAnAccountToAnotherGithubUser(
            @ForAll("worlds") List<Step> steps) {
        World world = new World();
        for (Step step : steps) {
            Set<Long> instructorsLinkedBefore = linkedInstructors(world);
            if (step instanceof SignIn signIn) {
                signIn(world, signIn.user());
            } else if (step instanceof Rename rename) {
                if (!world.github.containsValue(rename.login())) {
                    world.github.put(rename.user(), rename.login());
                }
            } else if (step instanceof PasswordJoin join) {
                if (world.byLogin(join.login()).isEmpty()) {
                    world.create(join.login(), Role.STUDENT, true);
                }
            } else if (step instanceof Roster roster) {
                if (world.byLogin(roster.login()).isEmpty()) {
                    world.create(roster.login(), Role.STUDENT, false);
                }
            } else {
                link(world, (Link) step);
            }
            for (Account account : world.accounts.values()) {
                if (account.githubId != null) {
                    Long first = world.linkedOnce.putIfAbsent(account.id, account.githubId);
                    assertThat(account.githubId)
                            .as("account %d stays linked to the GitHub user it was linked to", account.id)
                            .isEqualTo(first == null ? account.githubId : first);
                }
            }
            Set<Long> linkedIds = new HashSet<>();
            Set<String> logins = new HashSet<>();
            for (Account account : world.accounts.values()) {
                assertThat(logins.add(account.login)).as("logins are unique").isTrue();
                if (account.githubId != null) {
                    assertThat(linkedIds.add(account.githubId))
                            .as("one account per GitHub user")
                            .isTrue();
                }
                if (!Names.isGithubLogin(account.login)) {
                    assertThat(GithubIdentity.isFormerLogin(account.login)).isTrue();
                }
            }
            if (!(step instanceof Link)) {
                assertThat(linkedInstructors(world))
                        .as("only a link made by the instructor, signed in, links an instructor")
                        .isEqualTo(instructorsLinkedBefore);
            }
        }
    }

    private static Set<Long> linkedInstructors(World world) {
        Set<Long> linked = new HashSet<>();
        world.accounts.values().stream()
                .filter(a -> a.role == Role.INSTRUCTOR && a.githubId != null)
                .forEach(a -> linked.add(a.id));
        return linked;
    }

    private static void signIn(World world, long user) {
        String login = world.github.get(user);
        GithubIdentity.Decision decision =
                GithubIdentity.signIn(user, login, holder(world.byGithubId(user)), holder(world.byLogin(login)));
        Account signedIn;
        if (decision instanceof GithubIdentity.Refuse) {
            return;
        } else if (decision instanceof GithubIdentity.Accept accept) {
            world.moveAside(accept.moveAside());
            signedIn = world.accounts.get(accept.accountId());
            assertThat(signedIn.role)
                    .as("GitHub's word alone claims no instructor")
                    .isEqualTo(signedIn.githubId == null ? Role.STUDENT : signedIn.role);
            if (accept.stripSquatter()) {
                signedIn.password = false;
            }
        } else {
            world.moveAside(((GithubIdentity.Create) decision).moveAside());
            signedIn = world.create(login, Role.STUDENT, false);
        }
        assertThat(signedIn.githubId == null || signedIn.githubId == user)
                .as("a sign-in as GitHub user %d gets no account linked to another", user)
                .isTrue();
        signedIn.githubId = user;
        signedIn.login = login;
    }

    private static void link(World world, Link link) {
        List<Account> made = new ArrayList<>(world.accounts.values());
        made.sort((a, b) -> Long.compare(a.id, b.id));
        Account account = made.get(link.index() % made.size());
        String login = world.github.get(link.user());
        GithubIdentity.Decision decision = GithubIdentity.link(
                account.holder(),
                link.user(),
                login,
                holder(world.byGithubId(link.user())),
                holder(world.byLogin(login)));
        if (decision instanceof GithubIdentity.Accept accept) {
            world.moveAside(accept.moveAside());
            account.githubId = link.user();
            account.login = login;
        }
    }

    @Provide
    Arbitrary<List<Step>> worlds() {
        Arbitrary<Long> users = Arbitraries.longs().between(1, 4);
        Arbitrary<String> logins = Arbitraries.of(LOGINS);
        Arbitrary<Step> step = Arbitraries.oneOf(
                users.map(SignIn::new),
                Combinators.combine(users, logins).as(Rename::new),
                logins.map(PasswordJoin::new),
                logins.map(Roster::new),
                Combinators.combine(Arbitraries.integers().between(0, 9), users).as(Link::new));
        return step.list().ofMaxSize(25);
    }

    @Test
    void aGithubUserNamedLikeAnUnlinkedInstructorIsRefusedWithWhatToDo() {
        var instructor = new GithubIdentity.Holder(1, null, Role.INSTRUCTOR, true);
        assertThat(GithubIdentity.signIn(7, "admin", null, instructor))
                .isInstanceOfSatisfying(GithubIdentity.Refuse.class, refuse -> assertThat(refuse.reason())
                        .contains("Link your GitHub account")
                        .contains("SYLLABUS_ADMIN_GITHUB_ID"));
    }

    @Test
    void aLinkedStudentRenamingOntoAnUnprovenLoginIsRefusedAndANewHolderOfALinkedLoginMovesItsOldHolderAside() {
        var linked = new GithubIdentity.Holder(2, 7L, Role.STUDENT, false);
        var squatter = new GithubIdentity.Holder(3, null, Role.STUDENT, true);
        assertThat(GithubIdentity.signIn(7, "grace", linked, squatter)).isInstanceOf(GithubIdentity.Refuse.class);
        var stale = new GithubIdentity.Holder(4, 8L, Role.INSTRUCTOR, true);
        assertThat(GithubIdentity.signIn(9, "admin", null, stale)).isEqualTo(new GithubIdentity.Create(4L));
        assertThat(GithubIdentity.formerLogin(8)).isEqualTo("gh--8").matches(l -> !Names.isGithubLogin(l));
    }

    @Test
    void aSquattedStudentLoginIsClaimedWithTheSquatterStrippedAndARosteredOneAsItIs() {
        var squatter = new GithubIdentity.Holder(3, null, Role.STUDENT, true);
        var rostered = new GithubIdentity.Holder(5, null, Role.STUDENT, false);
        assertThat(GithubIdentity.signIn(7, "grace", null, squatter))
                .isEqualTo(new GithubIdentity.Accept(3, true, true, null));
        assertThat(GithubIdentity.signIn(7, "ada", null, rostered))
                .isEqualTo(new GithubIdentity.Accept(5, true, false, null));
    }
}
