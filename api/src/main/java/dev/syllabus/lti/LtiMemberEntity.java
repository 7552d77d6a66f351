package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A student the platform's roster (NRPS) listed in a platform course; flagged when they leave it. */
@Entity(name = "LtiMember")
public class LtiMemberEntity extends PanacheEntity {

    public long contextId;
    public long accountId;
    public boolean hasLeft;
    public Instant syncedAt;

    public static Optional<LtiMemberEntity> of(long contextId, long accountId) {
        return find("contextId = ?1 and accountId = ?2", contextId, accountId).firstResultOptional();
    }

    public static List<LtiMemberEntity> ofContext(long contextId) {
        return list("contextId", contextId);
    }
}
