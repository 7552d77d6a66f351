package dev.syllabus.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;

/** A bearer token; only its SHA-256 is stored, so a database dump signs nobody in. */
@Entity(name = "AccessToken")
public class AccessTokenEntity extends PanacheEntity {

    public enum Kind {
        SESSION,
        INTEGRATION
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public AccountEntity account;

    @Column(unique = true, length = 64)
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Kind kind;

    @Column(length = 100)
    public String label;

    public boolean readOnly;

    public Instant createdAt;

    public Instant expiresAt;

    public Instant revokedAt;

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** A new token row for {@code account}, stored by the digest of {@code token}, never the token itself. */
    static AccessTokenEntity issue(
            AccountEntity account,
            String token,
            AccessTokenEntity.Kind kind,
            String label,
            boolean readOnly,
            Instant now,
            Instant expiresAt) {
        AccessTokenEntity row = new AccessTokenEntity();
        row.account = account;
        row.tokenHash = Tokens.digest(token);
        row.kind = kind;
        row.label = label;
        row.readOnly = readOnly;
        row.createdAt = now;
        row.expiresAt = expiresAt;
        row.persist();
        return row;
    }

    /** An account's integration tokens, oldest first. */
    static List<AccessTokenEntity> integrationTokensOf(long accountId) {
        return list("account.id = ?1 and kind = ?2 order by createdAt", accountId, Kind.INTEGRATION);
    }
}
