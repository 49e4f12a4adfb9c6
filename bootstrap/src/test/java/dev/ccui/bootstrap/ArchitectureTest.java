package dev.ccui.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
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
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of architecture.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.ccui");
    }

    @Test
    void everyModuleIsThere() {
        for (String pkg : new String[] {
            "dev.ccui.domain",
            "dev.ccui.application",
            "dev.ccui.adapters.http",
            "dev.ccui.adapters.persistence",
            "dev.ccui.adapters.process",
            "dev.ccui.bootstrap"
        }) {
            Assertions.assertThat(
                            classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as(pkg)
                    .isTrue();
        }
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.ccui.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.ccui.domain..")
                .check(classes);
    }

    @Test
    void theApplicationDependsOnTheDomainTheJdkAndLoggingOnly() {
        classes()
                .that()
                .resideInAPackage("dev.ccui.application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.ccui.domain..", "dev.ccui.application..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        slices().matching("dev.ccui.adapters.(*)..")
                .should()
                .notDependOnEachOther()
                .check(classes);
    }

    /**
     * A feature of the application may use another's ports and types, but never round a loop: a
     * shared type belongs to the feature that owns it, and a feature that needs to be told or asked
     * by one that depends on it declares a port the other implements.
     */
    @Test
    void applicationFeaturesHaveNoCycles() {
        slices().matching("dev.ccui.application.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void nothingDependsOnBootstrap() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ccui.bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ccui.bootstrap..")
                .check(classes);
    }

    @Test
    void frameworksStayInTheirAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ccui.adapters.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ccui.adapters.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jdbi..",
                        "org.flywaydb..",
                        "com.zaxxer..",
                        "io.lettuce..",
                        "io.github.bucket4j..",
                        "org.postgresql..",
                        "org.sqlite..",
                        "com.auth0..",
                        "at.favre..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ccui.adapters.process..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.pty4j..", "jakarta.mail..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("dev.ccui.domain..", "dev.ccui.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "io.micrometer..")
                .check(classes);
    }

    /** Disk, processes and sockets are outbound adapters' work: a use case reaches them through a port. */
    @Test
    void useCasesDoNoInputOrOutputThemselves() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.ccui.domain..", "dev.ccui.application..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.nio.file.Files")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.nio.channels.FileChannel")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.FileInputStream")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.Socket")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.http.HttpClient")
                .check(classes);
    }

    /**
     * The HTTP adapter drives use cases through their in-ports and shows what they answer: in-port
     * records, domain types, and the vocabulary every in-port shares ({@code application.common}:
     * who called, a page of results). An out-port or a service is never its business.
     */
    @Test
    void theHttpAdapterSeesOnlyTheInPortsOfTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("dev.ccui.adapters.http..")
                .should()
                .dependOnClassesThat(resideInAPackage("dev.ccui.application..")
                        .and(not(resideInAnyPackage(
                                "dev.ccui.application..port.in..", "dev.ccui.application.common.."))))
                .check(classes);
    }

    /** Talking to the outside (disk, processes, network, mail) is an adapter module's: the HTTP adapter implements no out-port. */
    @Test
    void outPortsAreImplementedInTheAdapterModulesThatOwnTheirOutside() {
        noClasses()
                .that()
                .resideInAPackage("dev.ccui.adapters.http..")
                .should()
                .implement(resideInAPackage("dev.ccui.application..port.out.."))
                .check(classes);
    }

    /**
     * What implements an out-port inside the application only decorates, combines or observes
     * other ports (a cache that forgets, a fan-out of alert sinks, a probe over a service): none
     * of it reads or writes files, streams, processes or sockets itself.
     */
    @Test
    void outPortImplementationsInTheApplicationDoNoInputOrOutput() {
        DescribedPredicate<JavaClass> inputOrOutput = resideInAnyPackage(
                        "java.nio.file..", "java.nio.channels..", "java.net..")
                .and(not(type(Path.class)))
                .or(assignableTo(InputStream.class))
                .or(assignableTo(OutputStream.class))
                .or(assignableTo(Reader.class))
                .or(assignableTo(Writer.class))
                .or(type(File.class))
                .or(type(ProcessBuilder.class))
                .or(type(Process.class))
                .as("input or output");
        noClasses()
                .that()
                .resideInAnyPackage("dev.ccui.domain..", "dev.ccui.application..")
                .and()
                .implement(resideInAPackage("dev.ccui.application..port.out.."))
                .should()
                .accessClassesThat(inputOrOutput)
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
                        "dev.ccui.adapters.persistence.run..",
                        "dev.ccui.adapters.persistence.history..",
                        "dev.ccui.adapters.process.claude..")
                .or(JavaClass.Predicates.belongToAnyOf(Application.class, RunService.class, IndexService.class));
        noClasses()
                .that()
                .resideInAPackage("dev.ccui.bootstrap.cli..")
                .should()
                .transitivelyDependOnClassesThat(serverParts)
                .check(classes);
    }
}
