package dev.syllabus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The few layering rules that keep the house easy to live in. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.syllabus");

    @Test
    void contentKnowsNothingOfHttpOrTheDatabase() {
        noClasses().that().resideInAPackage("..content..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..",
                        "dev.syllabus.course..", "dev.syllabus.http..")
                .check(CLASSES);
    }

    @Test
    void sharedHttpPlumbingKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.syllabus.http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.syllabus.course..", "dev.syllabus.content..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchEntities() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .check(CLASSES);
    }
}
