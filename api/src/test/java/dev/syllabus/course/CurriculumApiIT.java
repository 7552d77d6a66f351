package dev.syllabus.course;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged jar, started as users start it. */
@QuarkusIntegrationTest
class CurriculumApiIT extends CurriculumApiTest {}
