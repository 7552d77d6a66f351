package dev.syllabus.github;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;

/** A student's course repository on GitHub ("owner/name", lower case): its pull requests are their evidence. */
@Entity(name = "GithubRepository")
public class GithubRepositoryEntity extends PanacheEntity {

    public long courseId;

    public long accountId;

    @Column(length = 140)
    public String fullName;

    public Instant registeredAt;

    /** GitHub's numeric id of the repository, bound at its first delivery: later ones must come from it. */
    public Long githubId;

    /** An instructor's decision on whether it is the student's: CONFIRMED, REJECTED, or null (none). */
    @Column(length = 20)
    public String ownerDecision;

    /** The repository with this "owner/name" (lower case), whoever registered it. */
    static GithubRepositoryEntity named(String fullName) {
        return find("fullName", fullName).firstResult();
    }

    /** Registered repositories with what the proof of each needs of its student, in one query. */
    static List<GithubFacts.Owned> owned(String where, Object... parameters) {
        var query = getEntityManager()
                .createQuery(
                        "select r.accountId, r.fullName, r.ownerDecision, a.githubId, a.login"
                                + " from GithubRepository r, Account a where a.id = r.accountId and " + where,
                        GithubFacts.Owned.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
