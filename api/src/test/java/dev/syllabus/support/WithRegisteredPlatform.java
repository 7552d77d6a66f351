package dev.syllabus.support;

import static dev.syllabus.support.Api.as;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a learning platform of its own, registered by hand before each test and removed after. */
public abstract class WithRegisteredPlatform {

    protected MockPlatform platform;
    protected String admin;
    protected long registered;

    @BeforeEach
    void registerPlatform() throws Exception {
        platform = new MockPlatform();
        admin = Api.admin();
        registered = LtiBrowser.register(platform, admin);
    }

    @AfterEach
    void removePlatform() {
        as(admin).delete("/api/lti/platforms/" + registered).then().statusCode(204);
        platform.close();
    }
}
