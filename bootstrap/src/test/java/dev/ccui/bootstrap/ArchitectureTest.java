package dev.ccui.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ccui.application.history.IndexService;
import dev.ccui.application.run.RunService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of architecture.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.ccui");
    }

    @Test
    void everyModuleIsThere() {
        for (String pkg : new String[] {"dev.ccui.domain", "dev.ccui.application", "dev.ccui.adapters.http",
                "dev.ccui.adapters.persistence", "dev.ccui.adapters.process", "dev.ccui.bootstrap"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as(pkg).isTrue();
        }
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.ccui.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.ccui.domain..")
                .check(classes);
    }

    @Test
    void theApplicationDependsOnTheDomainTheJdkAndLoggingOnly() {
        classes().that().resideInAPackage("dev.ccui.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.ccui.domain..",
                        "dev.ccui.application..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        slices().matching("dev.ccui.adapters.(*)..").should().notDependOnEachOther().check(classes);
    }

    /**
     * A feature of the application may use another's ports and types, but never round a loop: a
     * shared type belongs to the feature that owns it, and a feature that needs to be told or asked
     * by one that depends on it declares a port the other implements.
     */
    @Test
    void applicationFeaturesHaveNoCycles() {
        slices().matching("dev.ccui.application.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingDependsOnBootstrap() {
        noClasses().that().resideOutsideOfPackage("dev.ccui.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("dev.ccui.bootstrap..")
                .check(classes);
    }

    @Test
    void frameworksStayInTheirAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.ccui.adapters.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "com.auth0..",
                        "at.favre..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.ccui.adapters.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "com.zaxxer..",
                        "io.lettuce..", "io.github.bucket4j..", "org.postgresql..", "org.sqlite..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.ccui.adapters.process..")
                .should().dependOnClassesThat().resideInAnyPackage("com.pty4j..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.ccui.domain..", "dev.ccui.application..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "io.micrometer..")
                .check(classes);
    }

    /** Disk, processes and sockets are outbound adapters' work: a use case reaches them through a port. */
    @Test
    void useCasesDoNoInputOrOutputThemselves() {
        noClasses().that().resideInAnyPackage("dev.ccui.domain..", "dev.ccui.application..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
                .check(classes);
    }

    /**
     * {@code ccui users …} and {@code ccui sessions …} run beside a live server on its data dir:
     * they must not be able to reach runs (which would take the server's node id and mark its
     * active runs lost), the indexer or the whole application.
     */
    @Test
    void theAdminCommandLineReachesTheAccountsOnly() {
        DescribedPredicate<JavaClass> serverParts = JavaClass.Predicates.resideInAnyPackage(
                        "dev.ccui.adapters.persistence.run..", "dev.ccui.adapters.persistence.history..",
                        "dev.ccui.adapters.process.claude..")
                .or(JavaClass.Predicates.belongToAnyOf(Application.class, RunService.class, IndexService.class));
        noClasses().that().resideInAPackage("dev.ccui.bootstrap.cli..")
                .should().transitivelyDependOnClassesThat(serverParts)
                .check(classes);
    }
}
