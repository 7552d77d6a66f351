package dev.syllabus.lti;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same on PostgreSQL, where each score is taken for an attempt by one sender across replicas. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresLtiGradesTest extends LtiGradesTest {}
