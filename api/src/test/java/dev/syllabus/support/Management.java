package dev.syllabus.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the API's management interface (health, metrics), which tests reach on its own port. */
public final class Management {

    private Management() {}

    /** Quarkus' management port in tests: quarkus.management.test-port, 9001 unless set. */
    public static int port() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
    }

    public static RequestSpecification management() {
        return given().port(port());
    }
}
