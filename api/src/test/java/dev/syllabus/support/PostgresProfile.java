package dev.syllabus.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs a test class against PostgreSQL, the production database. The database kind is fixed at
 * build time, and a test profile re-builds the application, so this is the PostgreSQL build.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
