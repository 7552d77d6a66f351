package dev.syllabus.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.syllabus.support.PostgresProfile;

/** The same account tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresAccountApiTest extends AccountApiTest {
}
