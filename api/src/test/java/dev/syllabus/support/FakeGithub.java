package dev.syllabus.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fake GitHub for the sign-in tests: WireMock on a free port, standing in for both the OAuth
 * endpoints (github.com) and the REST API (api.github.com). Tests program it over HTTP.
 */
public class FakeGithub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String url = "http://localhost:" + server.port();
        return Map.of(
                "syllabus.github.client-id",
                "test-client-id",
                "syllabus.github.client-secret",
                "test-client-secret",
                "syllabus.github.oauth-url",
                url,
                "syllabus.github.api-url",
                url,
                "syllabus.public-url",
                "http://web.example.test");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
