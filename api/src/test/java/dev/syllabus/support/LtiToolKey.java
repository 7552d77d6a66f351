package dev.syllabus.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The tool's LTI key for every test application, made once per test JVM before the application
 * starts, as an operator sets SYLLABUS_LTI_PRIVATE_KEY: a request never waits for a key to be made
 * (with C1 alone, an RSA key can take seconds), and the configured-key path is the one tested.
 */
@QuarkusTestResource(LtiToolKey.class)
public class LtiToolKey implements QuarkusTestResourceLifecycleManager {

    private static String pem;

    @Override
    public Map<String, String> start() {
        return Map.of("syllabus.lti.private-key", pem());
    }

    @Override
    public void stop() {}

    private static synchronized String pem() {
        if (pem == null) {
            try {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(
                                        rsa.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return pem;
    }
}
