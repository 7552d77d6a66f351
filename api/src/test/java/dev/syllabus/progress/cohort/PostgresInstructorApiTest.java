package dev.syllabus.progress.cohort;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresInstructorApiTest extends InstructorApiTest {}
