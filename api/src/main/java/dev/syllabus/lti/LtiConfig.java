package dev.syllabus.lti;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of LTI 1.3 (SYLLABUS_LTI_...). */
@ConfigMapping(prefix = "syllabus.lti")
public interface LtiConfig {

    /**
     * The tool's signing key (SYLLABUS_LTI_PRIVATE_KEY): an RSA private key of at least 2048 bits,
     * PKCS #8 PEM ({@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048}). Unset on
     * the embedded database, one is made and kept there; unset in the production build, LTI is off.
     */
    Optional<String> privateKey();

    /**
     * The key the current one replaced (SYLLABUS_LTI_PREVIOUS_PRIVATE_KEY): its public half stays
     * in the JWKS, so what platforms cached keeps working while they learn the new one.
     */
    Optional<String> previousPrivateKey();

    /**
     * Whether plain-HTTP platforms, and platforms on loopback or private addresses, are admitted
     * (SYLLABUS_LTI_ALLOW_HTTP_PLATFORMS): for local use and tests only.
     */
    @WithDefault("false")
    boolean allowHttpPlatforms();

    /** Whether a platform may register itself at {@code /api/lti/register} (SYLLABUS_LTI_DYNAMIC_REGISTRATION). */
    @WithDefault("true")
    boolean dynamicRegistration();

    /** How far a platform's clock may be from ours when its id_token's {@code iat} and {@code exp} are read. */
    @WithDefault("60S")
    Duration clockSkew();

    /** How often queued scores are looked at (each due one is sent at once; retries wait their turn). */
    @WithDefault("1S")
    Duration poll();

    /** How long a platform's public keys are kept before they are fetched again (an unknown key fetches them at once). */
    @WithDefault("1H")
    Duration platformKeysTtl();
}
