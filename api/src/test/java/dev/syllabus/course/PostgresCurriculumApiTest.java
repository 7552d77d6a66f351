package dev.syllabus.course;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.syllabus.support.PostgresProfile;

/** The same API tests against the production database, PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresCurriculumApiTest extends CurriculumApiTest {
}
