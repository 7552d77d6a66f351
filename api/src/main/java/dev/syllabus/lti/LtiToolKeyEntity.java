package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** The tool's own key pair, generated once for the embedded database when no keys are configured. */
@Entity(name = "LtiToolKey")
public class LtiToolKeyEntity extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String kid;

    /** The private JWK, as JSON. */
    @Column(length = 8000)
    public String jwk;

    public Instant createdAt;

    public static List<LtiToolKeyEntity> newestFirst() {
        return list("order by createdAt desc");
    }
}
