package dev.syllabus.progress.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syllabus.account.Role;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invite rule, decided directly: over any life of a rostered account, an invite opens it at most once, unclaimed. */
class InvitesTest {

    /** What happens to the account and its invite. */
    enum Event {
        ISSUE,
        REISSUE,
        USE_LAST,
        USE_OLD,
        CLAIM_WITH_GITHUB,
        INSTRUCTOR_RESET
    }

    @Property(tries = 1000)
    void anInviteOpensOnlyAnUnclaimedRosteredAccountWithItsLastCodeAndOnlyOnce(
            @ForAll("lives") List<Event> life, @ForAll boolean rostered) {
        boolean hasPassword = false;
        boolean linked = false;
        String issued = null;
        String previous = null;
        int generation = 0;
        for (Event event : life) {
            Invites.Account account = new Invites.Account(Role.STUDENT, rostered, hasPassword, linked);
            switch (event) {
                case ISSUE, REISSUE -> {
                    if (Invites.issuable(account)) {
                        previous = issued;
                        issued = "code-" + ++generation;
                    }
                }
                case USE_LAST, USE_OLD -> {
                    String presented = event == Event.USE_LAST ? issued : previous;
                    boolean opened = Invites.opens(account, issued, presented);
                    assertThat(opened)
                            .as("opens exactly for the last code of an unclaimed rostered account")
                            .isEqualTo(
                                    rostered && !hasPassword && !linked && issued != null && issued.equals(presented));
                    if (opened) {
                        hasPassword = true;
                        issued = null;
                        assertThat(Invites.opens(
                                        new Invites.Account(Role.STUDENT, rostered, true, linked),
                                        presented,
                                        presented))
                                .as("used once, never again")
                                .isFalse();
                    }
                }
                case CLAIM_WITH_GITHUB -> {
                    linked = true;
                    issued = null;
                }
                case INSTRUCTOR_RESET -> {
                    if (!linked) {
                        hasPassword = false;
                        issued = null;
                    }
                }
            }
            if (linked) {
                assertThat(Invites.opens(new Invites.Account(Role.STUDENT, rostered, hasPassword, true), "x", "x"))
                        .as("a GitHub-claimed account is never opened by an invite")
                        .isFalse();
            }
        }
    }

    @Property(tries = 100)
    void noInviteEverOpensAnInstructor(@ForAll boolean rostered, @ForAll boolean hasPassword, @ForAll boolean linked) {
        Invites.Account instructor = new Invites.Account(Role.INSTRUCTOR, rostered, hasPassword, linked);
        assertThat(Invites.issuable(instructor)).isFalse();
        assertThat(Invites.opens(instructor, "same", "same")).isFalse();
    }

    @Provide
    Arbitrary<List<Event>> lives() {
        return Arbitraries.of(Event.class).list().ofMaxSize(12);
    }
}
