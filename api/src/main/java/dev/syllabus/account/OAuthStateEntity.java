package dev.syllabus.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A GitHub sign-in under way: the SHA-256 of its {@code state}, the PKCE verifier and where to go
 * afterwards. In the database, not in memory, so GitHub may bring the browser back to any replica;
 * used once, then deleted.
 */
@Entity(name = "OAuthState")
public class OAuthStateEntity extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String stateHash;

    @Column(length = 128)
    public String verifier;

    @Column(length = 500)
    public String redirect;

    /** SHA-256 of the secret in the binding cookie of the browser that started the sign-in. */
    @Column(length = 64)
    public String browserHash;

    /** What the web client's tab expects back in the fragment; null when it sent none. */
    @Column(length = 64)
    public String nonce;

    /** The signed-in account that asked to be linked to GitHub; null for a sign-in. */
    public Long linkAccountId;

    public Instant createdAt;

    /** Forgets the sign-ins started before {@code cutoff} and never finished. */
    public static void deleteOlderThan(Instant cutoff) {
        delete("createdAt < ?1", cutoff);
    }

    /** Deletes the state, answering whether this caller was the one that did: a state is used once. */
    public static boolean take(String stateHash) {
        return delete("stateHash", stateHash) == 1;
    }
}
