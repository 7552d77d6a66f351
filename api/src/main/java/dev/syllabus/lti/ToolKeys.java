package dev.syllabus.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.syllabus.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tool's key pairs: the current one signs (deep-linking answers, token assertions), and every
 * one's public half is listed at {@code /api/lti/jwks} under its {@code kid} (the key's RFC 7638
 * thumbprint), so a rotation keeps the previous key listed until platforms have learned the new.
 */
@ApplicationScoped
public class ToolKeys {

    static final int MIN_BITS = 2048;

    private final LtiConfig config;
    private final boolean embedded;
    private volatile List<RSAKey> keys;

    ToolKeys(LtiConfig config, @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.config = config;
        this.embedded = !"postgresql".equals(databaseKind);
    }

    /**
     * A configured key that cannot be read stops the start, naming the setting. Without one, the
     * embedded build reads (or, the first time, makes) its key in the background, so no platform's
     * request waits for an RSA key to be made.
     */
    void check(@Observes StartupEvent started) {
        if (configured().isEmpty() && embedded) {
            Thread maker = new Thread(
                    () -> {
                        try {
                            all();
                        } catch (RuntimeException e) {
                            LOG.warn(
                                    "The LTI tool key could not be read or made; the first LTI request tries again", e);
                        }
                    },
                    "lti-tool-key");
            maker.setDaemon(true);
            maker.start();
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ToolKeys.class);

    /** Whether LTI can run: a key is configured, or the embedded database keeps one it made. */
    public boolean available() {
        return config.privateKey().isPresent() || embedded;
    }

    /** The key that signs what the tool sends. */
    public RSAKey signing() {
        return all().get(0);
    }

    /** {@code claims} as a JWT signed (RS256) with the current key, its {@code kid} in the header. */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = signing();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("The tool's key cannot sign", e);
        }
    }

    /** The public halves of every key, as the JWKS lists them. */
    public JWKSet publicKeys() {
        return new JWKSet(all().stream()
                .map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
                .toList());
    }

    private List<RSAKey> all() {
        List<RSAKey> known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = configured().orElseGet(this::stored);
                }
                known = keys;
            }
        }
        return known;
    }

    private Optional<List<RSAKey>> configured() {
        if (config.privateKey().isEmpty()) {
            return Optional.empty();
        }
        List<RSAKey> read = new ArrayList<>();
        read.add(fromPem(
                "syllabus.lti.private-key (SYLLABUS_LTI_PRIVATE_KEY)",
                config.privateKey().get()));
        config.previousPrivateKey()
                .filter(pem -> !pem.isBlank())
                .map(pem -> fromPem("syllabus.lti.previous-private-key (SYLLABUS_LTI_PREVIOUS_PRIVATE_KEY)", pem))
                .ifPresent(read::add);
        return Optional.of(List.copyOf(read));
    }

    /** The embedded database's own key: made once, kept across restarts so platforms' caches stay right. */
    private List<RSAKey> stored() {
        if (!embedded) {
            throw DomainException.unavailable("LTI is off: set SYLLABUS_LTI_PRIVATE_KEY to the tool's RSA private key"
                    + " (PKCS #8 PEM, at least 2048 bits); see docs/operators/settings.md.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<LtiToolKeyEntity> rows = LtiToolKeyEntity.newestFirst();
            if (!rows.isEmpty()) {
                List<RSAKey> read = new ArrayList<>();
                for (LtiToolKeyEntity row : rows) {
                    read.add(RSAKey.parse(row.jwk));
                }
                return List.copyOf(read);
            }
            RSAKey made = new RSAKeyGenerator(MIN_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true)
                    .generate();
            LtiToolKeyEntity row = new LtiToolKeyEntity();
            row.kid = made.getKeyID();
            row.jwk = made.toJSONString();
            row.createdAt = Instant.now();
            row.persist();
            return List.of(made);
        });
    }

    /** Reads an RSA private key in PKCS #8 PEM; the public half comes from its CRT parameters. */
    static RSAKey fromPem(String setting, String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException(setting + " is PKCS #1: convert it with `openssl pkcs8 -topk8 -nocrypt`");
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)))
                    instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalStateException(setting + " is not an RSA private key with its CRT parameters");
            }
            if (privateKey.getModulus().bitLength() < MIN_BITS) {
                throw new IllegalStateException(setting + " must be at least " + MIN_BITS + " bits");
            }
            RSAPublicKey publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IllegalArgumentException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(
                    setting + " is not an RSA private key in PKCS #8 PEM (-----BEGIN PRIVATE KEY-----)", e);
        }
    }
}
