package dev.syllabus.progress;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same checklist tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresChecklistApiTest extends ChecklistApiTest {}
