package dev.syllabus.course;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the course content is imported and the read model is loaded. */
@Startup
@ApplicationScoped
public class CatalogStartedCheck implements HealthCheck {

    private final CourseCatalog catalog;

    CatalogStartedCheck(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("course-catalog")
                .status(catalog.loaded())
                .build();
    }
}
