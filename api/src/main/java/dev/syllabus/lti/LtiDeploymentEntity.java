package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;

/** A deployment of the tool in a platform (a placement an administrator made), known by the id the platform gave it. */
@Entity(name = "LtiDeployment")
public class LtiDeploymentEntity extends PanacheEntity {

    public long platformId;

    @Column(length = 255)
    public String deploymentId;

    public Instant createdAt;

    public static boolean known(long platformId, String deploymentId) {
        return count("platformId = ?1 and deploymentId = ?2", platformId, deploymentId) > 0;
    }

    public static List<LtiDeploymentEntity> ofPlatform(long platformId) {
        return list("platformId = ?1 order by id", platformId);
    }

    /** Records the deployment unless the platform has it already. Call within a transaction. */
    public static void add(long platformId, String deploymentId) {
        if (!known(platformId, deploymentId)) {
            LtiDeploymentEntity deployment = new LtiDeploymentEntity();
            deployment.platformId = platformId;
            deployment.deploymentId = deploymentId;
            deployment.createdAt = Instant.now();
            deployment.persist();
        }
    }
}
