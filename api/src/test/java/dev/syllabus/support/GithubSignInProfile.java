package dev.syllabus.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with sign-in with GitHub set up, against the {@link FakeGithub}. */
public class GithubSignInProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeGithub.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
