package dev.syllabus.progress;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.syllabus.support.PostgresProfile;

/** Runs, dates, late work, calendars and gradebooks on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresDatesApiTest extends DatesApiTest {
}
