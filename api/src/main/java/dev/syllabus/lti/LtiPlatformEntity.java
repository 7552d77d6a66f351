package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A learning platform registered with Syllabus: its issuer, the client id it gave the tool, its endpoints. */
@Entity(name = "LtiPlatform")
public class LtiPlatformEntity extends PanacheEntity {

    @Column(length = 500)
    public String issuer;

    @Column(length = 255)
    public String clientId;

    @Column(length = 200)
    public String name;

    @Column(length = 2000)
    public String authorizationEndpoint;

    @Column(length = 2000)
    public String tokenEndpoint;

    @Column(length = 2000)
    public String jwksUri;

    /** {@code dynamic} or {@code manual}. */
    @Column(length = 20)
    public String registeredBy;

    public Instant createdAt;

    /** Origins this platform's accepted launches were posted from, space-separated (see FrameOrigins). */
    public String webOrigins;

    public static List<LtiPlatformEntity> ofIssuer(String issuer) {
        return list("issuer", issuer);
    }

    public static Optional<LtiPlatformEntity> of(String issuer, String clientId) {
        return find("issuer = ?1 and clientId = ?2", issuer, clientId).firstResultOptional();
    }

    public static List<LtiPlatformEntity> all() {
        return list("order by id");
    }
}
