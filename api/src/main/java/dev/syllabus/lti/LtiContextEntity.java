package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A platform's course (its LTI context), bound to one Syllabus course and run by its first launch. */
@Entity(name = "LtiContext")
public class LtiContextEntity extends PanacheEntity {

    public long platformId;

    @Column(length = 255)
    public String contextId;

    @Column(length = 500)
    public String title;

    public long courseId;
    public long runId;

    /** The AGS line items container, as the latest launch named it; null where the platform offers none. */
    @Column(length = 2000)
    public String lineItemsUrl;

    /** The NRPS memberships URL, as the latest launch named it. */
    @Column(length = 2000)
    public String membershipsUrl;

    /** The last roster sync from the platform, and how many members it listed. */
    public Instant syncedAt;

    public Integer syncedMembers;
    public Instant createdAt;

    public static Optional<LtiContextEntity> of(long platformId, String contextId) {
        return find("platformId = ?1 and contextId = ?2", platformId, contextId).firstResultOptional();
    }

    /** The contexts bound to a course whose platform takes grades. */
    public static List<LtiContextEntity> gradedIn(long courseId) {
        return list("courseId = ?1 and lineItemsUrl is not null", courseId);
    }

    public static List<LtiContextEntity> ofCourse(long courseId) {
        return list("courseId = ?1 order by id", courseId);
    }

    public static List<LtiContextEntity> ofPlatform(long platformId) {
        return list("platformId = ?1 order by id", platformId);
    }
}
