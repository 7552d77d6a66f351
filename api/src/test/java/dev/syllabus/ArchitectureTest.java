package dev.syllabus;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The few layering rules that keep the house easy to live in. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.syllabus");

    /** A room a newcomer can read: no class of the main code grows past 300 lines. */
    @Test
    void noMainClassIsOver300Lines() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        try (Stream<java.nio.file.Path> sources = Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path source :
                    sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                int lines = Files.readAllLines(source).size();
                if (lines > 300) {
                    tooLong.put(source.toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("main classes over 300 lines").isEmpty();
    }

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

    /**
     * ARCHITECTURE.md's package table, read from the file itself: each package of ours depends on
     * the packages its "Depends on" column names and on no other of ours.
     */
    @Test
    void eachPackageDependsOnlyOnWhatArchitectureMdSays() throws IOException {
        Map<String, List<String>> allowed = dependenciesInArchitectureMd();
        assertThat(allowed).containsKeys("content", "course", "account", "progress", "github", "http", "domain");
        allowed.forEach((feature, uses) -> {
            List<String> permitted = new ArrayList<>(List.of("dev.syllabus." + feature + ".."));
            uses.forEach(use -> permitted.add("dev.syllabus." + use + ".."));
            noClasses()
                    .that()
                    .resideInAPackage("dev.syllabus." + feature + "..")
                    .should()
                    .dependOnClassesThat(resideInAPackage("dev.syllabus..")
                            .and(DescribedPredicate.not(resideInAnyPackage(permitted.toArray(String[]::new)))))
                    .because("ARCHITECTURE.md says " + feature + " depends on " + uses)
                    .check(CLASSES);
        });
    }

    private static Map<String, List<String>> dependenciesInArchitectureMd() throws IOException {
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\|.*\\| ([^|]*) \\|$");
        Pattern named = Pattern.compile("`(\\w+)`(?! *\\))");
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (String line : Files.readAllLines(java.nio.file.Path.of("../ARCHITECTURE.md"))) {
            Matcher table = row.matcher(line);
            if (table.matches()) {
                List<String> uses = new ArrayList<>();
                Matcher use = named.matcher(table.group(2).replaceAll("\\([^)]*\\)", ""));
                while (use.find()) {
                    uses.add(use.group(1));
                }
                dependencies.put(table.group(1), uses);
            }
        }
        return dependencies;
    }

    /** The contract is written in META-INF/openapi.yaml alone: no annotation in the code adds to it. */
    @Test
    void theContractIsNotWrittenInTheCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.microprofile.openapi..")
                .check(CLASSES);
    }

    /** The rules mutation testing covers stay plain Java that a test can call directly. */
    @Test
    void rulesKnowNoFramework() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Rule")
                .or()
                .haveSimpleName("HomeworkGrammar")
                .or()
                .haveSimpleName("GithubIdentity")
                .or()
                .haveSimpleName("PullRequestFacts")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "io.vertx..", "org.hibernate..", "dev.syllabus.http..")
                .check(CLASSES);
    }
}
