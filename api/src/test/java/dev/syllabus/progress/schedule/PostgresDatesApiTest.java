package dev.syllabus.progress.schedule;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs, dates, late work, calendars and gradebooks on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresDatesApiTest extends DatesApiTest {}
