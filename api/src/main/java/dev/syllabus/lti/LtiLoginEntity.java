package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A launch under way: the hashed state and browser secret, the nonce the id_token must carry. */
@Entity(name = "LtiLogin")
public class LtiLoginEntity extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String stateHash;

    @Column(length = 64)
    public String browserHash;

    @Column(length = 64)
    public String nonce;

    public long platformId;
    public Instant createdAt;

    /** Uses the login up: true only for the one caller that deleted it. Call within a transaction. */
    public static boolean take(String stateHash) {
        return delete("stateHash", stateHash) == 1;
    }

    public static void deleteOlderThan(Instant cutoff) {
        delete("createdAt < ?1", cutoff);
    }
}
