package dev.syllabus.progress;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.syllabus.support.PostgresProfile;

/** The same tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresInstructorApiTest extends InstructorApiTest {
}
