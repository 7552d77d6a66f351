package dev.syllabus.progress.checklist;

import dev.syllabus.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same races on PostgreSQL, where the first tick of an item once hit its unique key. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresConcurrentTicksTest extends ConcurrentTicksTest {}
