package dev.syllabus.lti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a launch's target_link_uri names: the tool, the course and the page to land on. */
class TargetLinksTest {

    private static final String TOOL = "https://syllabus.example";

    @Test
    void onlyPagesOnTheToolsOriginAreTheTool() {
        assertThat(TargetLinks.isTool("https://syllabus.example/homework/H3", TOOL))
                .isTrue();
        assertThat(TargetLinks.isTool("https://SYLLABUS.example/", TOOL)).isTrue();
        assertThat(TargetLinks.isTool("http://syllabus.example/", TOOL)).isFalse();
        assertThat(TargetLinks.isTool("https://syllabus.example:8443/", TOOL)).isFalse();
        assertThat(TargetLinks.isTool("https://syllabus.example.evil.example/", TOOL))
                .isFalse();
        assertThat(TargetLinks.isTool("https://evil.example/?https://syllabus.example/", TOOL))
                .isFalse();
        assertThat(TargetLinks.isTool("not a url", TOOL)).isFalse();
    }

    @Test
    void theCourseIsTheCourseParameterWhenItIsASlug() {
        assertThat(TargetLinks.course(TOOL + "/?course=ml-in-production")).contains("ml-in-production");
        assertThat(TargetLinks.course(TOOL + "/homework/H3?x=1&course=demo-course"))
                .contains("demo-course");
        assertThat(TargetLinks.course(TOOL + "/?course=Not%20A%20Slug")).isEmpty();
        assertThat(TargetLinks.course(TOOL + "/")).isEmpty();
        assertThat(TargetLinks.course(null)).isEmpty();
    }

    @Test
    void aWebClientPageIsWhereThePersonLands() {
        assertThat(TargetLinks.landing(TOOL + "/homework/H3?course=ml", "/checklist"))
                .isEqualTo("/homework/H3");
        assertThat(TargetLinks.landing(TOOL + "/weeks/2", "/checklist")).isEqualTo("/weeks/2");
        assertThat(TargetLinks.landing(TOOL + "/", "/instructor")).isEqualTo("/instructor");
        assertThat(TargetLinks.landing(TOOL + "/api/auth/me", "/checklist")).isEqualTo("/checklist");
        assertThat(TargetLinks.landing(TOOL + "//evil.example/x", "/checklist")).isEqualTo("/checklist");
        assertThat(TargetLinks.landing(null, "/checklist")).isEqualTo("/checklist");
    }
}
