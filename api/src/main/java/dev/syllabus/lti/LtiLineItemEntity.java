package dev.syllabus.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.Optional;

/** A homework's column in a platform course's gradebook (an AGS line item). */
@Entity(name = "LtiLineItem")
public class LtiLineItemEntity extends PanacheEntity {

    public long contextId;

    @Column(length = 20)
    public String homeworkCode;

    @Column(length = 2000)
    public String url;

    public static Optional<LtiLineItemEntity> of(long contextId, String homeworkCode) {
        return find("contextId = ?1 and homeworkCode = ?2", contextId, homeworkCode)
                .firstResultOptional();
    }
}
