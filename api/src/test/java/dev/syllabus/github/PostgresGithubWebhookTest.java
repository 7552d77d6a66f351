package dev.syllabus.github;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same webhook tests on PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresGithubWebhookTest extends GithubWebhookTest {}
