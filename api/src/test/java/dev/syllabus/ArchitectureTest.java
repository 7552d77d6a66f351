package dev.syllabus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The few layering rules that keep the house easy to live in. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.syllabus");

    @Test
    void contentKnowsNothingOfHttpOrTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("..content..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws.rs..", "jakarta.persistence..", "dev.syllabus.course..", "dev.syllabus.http..")
                .check(CLASSES);
    }

    @Test
    void sharedHttpPlumbingKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.syllabus.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.syllabus.course..", "dev.syllabus.content..")
                .check(CLASSES);
    }

    /**
     * Services and rules speak the domain's language: they refuse with {@code DomainException} and
     * leave statuses, headers and routes to the edge. Only the resources, the query beans they read
     * and the read model (which keeps finished HTTP representations) may know HTTP.
     */
    @Test
    void onlyTheEdgeSpeaksHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.syllabus.http..")
                .and()
                .haveSimpleNameNotEndingWith("Resource")
                .and()
                .haveSimpleNameNotEndingWith("Query")
                .and()
                .haveNameNotMatching("dev\\.syllabus\\.course\\.(CourseCatalog|PublishedCourse)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.syllabus.http..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("domain code refuses with DomainException; the problem mapper turns it into HTTP")
                .check(CLASSES);
    }

    @Test
    void theDomainsRefusalsKnowNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.syllabus.domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.syllabus.domain..", "java..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchEntities() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Entity")
                .check(CLASSES);
    }
}
