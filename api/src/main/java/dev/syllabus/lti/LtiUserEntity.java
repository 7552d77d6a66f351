package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Optional;

/** A platform's user, known by (issuer, subject), and the Syllabus account they are. */
@Entity(name = "LtiUser")
public class LtiUserEntity extends PanacheEntity {

    @Column(length = 500)
    public String issuer;

    @Column(length = 255)
    public String subject;

    public long accountId;
    public Instant createdAt;

    public static java.util.List<LtiUserEntity> ofAccount(long accountId) {
        return list("accountId", accountId);
    }

    public static boolean isLinked(long accountId) {
        return count("accountId", accountId) > 0;
    }

    public static Optional<LtiUserEntity> of(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }
}
