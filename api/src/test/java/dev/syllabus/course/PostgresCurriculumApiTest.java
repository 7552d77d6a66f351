package dev.syllabus.course;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same API tests against the production database, PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresCurriculumApiTest extends CurriculumApiTest {}
