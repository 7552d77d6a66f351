package dev.syllabus.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A person: identified by their GitHub login; a password once they have claimed the account. */
@Entity(name = "Account")
public class AccountEntity extends PanacheEntity {

    @Column(unique = true, length = 39)
    public String login;

    @Column(length = 200)
    public String name;

    @Column(length = 320)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Role role;
    /** bcrypt; null for a student listed on a roster who has not joined yet. */
    @Column(length = 100)
    public String passwordHash;

    public Instant createdAt;
    /** GitHub's numeric user id, once the person signed in with GitHub: the login is then proven. */
    public Long githubId;

    /** The login of an account, or null when it no longer exists (for naming people in history and reviews). */
    public static String loginOf(long id) {
        AccountEntity account = findById(id);
        return account == null ? null : account.login;
    }

    public static Optional<AccountEntity> findByGithubId(long githubId) {
        return find("githubId", githubId).firstResultOptional();
    }

    public static Optional<AccountEntity> findByLogin(String login) {
        return find("login", login.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** Every instructor account. */
    public static List<AccountEntity> instructors() {
        return list("role", Role.INSTRUCTOR);
    }
}
