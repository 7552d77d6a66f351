package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A deep-linking request waiting for the instructor's pick: where the answer goes and what it echoes. */
@Entity(name = "LtiDeepLink")
public class LtiDeepLinkEntity extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String requestHash;

    public long platformId;
    public String deploymentId;
    public long accountId;
    public long courseId;
    public String returnUrl;
    public String data;
    public boolean acceptMultiple;
    public Instant createdAt;

    /** Uses the request up: true only for the one caller that deleted it. Call within a transaction. */
    public static boolean take(String requestHash) {
        return delete("requestHash", requestHash) == 1;
    }

    public static void deleteOlderThan(Instant cutoff) {
        delete("createdAt < ?1", cutoff);
    }
}
