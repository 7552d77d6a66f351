package dev.syllabus.github;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.syllabus.support.PostgresProfile;

/** The same webhook tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresGithubWebhookTest extends GithubWebhookTest {
}
