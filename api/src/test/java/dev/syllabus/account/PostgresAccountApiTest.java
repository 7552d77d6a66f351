package dev.syllabus.account;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same account tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresAccountApiTest extends AccountApiTest {}
