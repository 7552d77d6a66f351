package dev.syllabus.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application as production runs it where attacks are concerned: the real bcrypt cost and a
 * small connection pool (so a sign-in that held a connection while hashing would starve the rest),
 * on a database of its own, so what hostile requests manage to change never reaches other tests.
 */
public class UnderAttackProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "syllabus.db.url",
                "jdbc:h2:mem:under-attack;DB_CLOSE_DELAY=-1",
                "syllabus.auth.bcrypt-cost",
                "10",
                "quarkus.datasource.jdbc.max-size",
                "8");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
