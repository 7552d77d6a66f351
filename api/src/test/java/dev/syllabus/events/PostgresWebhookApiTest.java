package dev.syllabus.events;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same on PostgreSQL, where senders on every replica take deliveries with FOR UPDATE SKIP LOCKED. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresWebhookApiTest extends WebhookApiTest {}
