package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameOriginsTest {

    @Test
    void anOriginIsSchemeHostAndPortOfAnHttpAddressAndNothingElse() {
        assertThat(FrameOrigins.of("https://Canvas.Example/api/lti/authorize?x=1"))
                .hasValue("https://canvas.example");
        assertThat(FrameOrigins.of("http://127.0.0.1:8081/auth")).hasValue("http://127.0.0.1:8081");
        assertThat(FrameOrigins.of("https://[::1]:9000/")).hasValue("https://[::1]:9000");
        assertThat(FrameOrigins.of("javascript:alert(1)")).isEmpty();
        assertThat(FrameOrigins.of("https://user@host.example/")).isEmpty();
        assertThat(FrameOrigins.strict("https://a.example; script-src *")).isEmpty();
        assertThat(FrameOrigins.strict("null")).isEmpty();
        assertThat(FrameOrigins.strict("https://a.example/path")).isEmpty();
    }

    @Test
    void learnedOriginsAreKeptOnceAndTheOldestGoesFirst() {
        String known = null;
        for (int i = 0; i < FrameOrigins.LEARNED + 2; i++) {
            known = FrameOrigins.learn(known, "https://s" + i + ".example");
        }
        assertThat(known.split(" "))
                .hasSize(FrameOrigins.LEARNED)
                .doesNotContain("https://s0.example", "https://s1.example");
        assertThat(FrameOrigins.learn(known, "https://s5.example")).isSameAs(known);
        assertThat(FrameOrigins.ofPlatform("https://lms.example", "https://lms.example/auth", "https://s.example"))
                .containsExactly("https://lms.example", "https://s.example");
    }

    @Test
    void aLaunchsOriginIsAdmittedWhenThePlatformIsKnownByItOrTheLaunchNamesIt() {
        Set<String> known = Set.of("https://lms.example");
        assertThat(FrameOrigins.admits(null, known, List.of())).isTrue();
        assertThat(FrameOrigins.admits("null", known, List.of()))
                .as("an opaque origin says nothing")
                .isTrue();
        assertThat(FrameOrigins.admits("https://LMS.example", known, List.of())).isTrue();
        assertThat(FrameOrigins.admits("https://school.example", known, List.of()))
                .isFalse();
        assertThat(FrameOrigins.admits(
                        "https://school.example", known, List.of("https://school.example/courses/1/success")))
                .isTrue();
        assertThat(FrameOrigins.admits(
                        "https://school.example:8443", known, List.of("https://school.example/courses/1")))
                .as("another port is another origin")
                .isFalse();
        assertThat(FrameOrigins.admits("https://lms.example; script-src *", known, List.of()))
                .isFalse();
    }
}
