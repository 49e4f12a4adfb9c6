package dev.ccui.bootstrap.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The build's license gate: the SBOM of the jar (made by cyclonedx-maven-plugin before the tests)
 * and of the web bundle's production dependencies (npm sbom from web/package-lock.json) must
 * hold only licenses from ops/licenses/allowed.txt, or components named in exceptions.txt.
 * Writes target/license-report.txt.
 */
class LicensePolicyTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LICENSES = ROOT.resolve("ops/licenses");

    private static LicensePolicy policy() throws Exception {
        return LicensePolicy.load(LICENSES.resolve("allowed.txt"), LICENSES.resolve("exceptions.txt"));
    }

    @Test
    void everythingTheJarAndTheWebBundleShipIsUnderAnAllowedLicense() throws Exception {
        Path jarSbom = Path.of("target/ccui-sbom.json");
        assertThat(jarSbom)
                .as("made by cyclonedx-maven-plugin in process-test-classes (it skips itself under mvn -o)")
                .exists();
        // A dependency change lands in a pom.xml: an SBOM older than any of them describes another jar.
        try (var poms = Files.walk(ROOT, 2)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .toList()) {
                assertThat(Files.getLastModifiedTime(jarSbom).compareTo(Files.getLastModifiedTime(pom)))
                        .as(jarSbom + " is older than " + pom
                                + ": build once without -o (cyclonedx-maven-plugin skips offline)")
                        .isGreaterThanOrEqualTo(0);
            }
        }
        Path webSbom = Path.of("target/ccui-web-sbom.json");
        Process npm = new ProcessBuilder(
                        "npm", "sbom", "--sbom-format", "cyclonedx", "--omit", "dev", "--package-lock-only")
                .directory(ROOT.resolve("web").toFile())
                .redirectOutput(webSbom.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(npm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(npm.exitValue()).as("npm sbom for web/").isZero();

        LicensePolicy policy = policy();
        LicensePolicy.Report jar = policy.check("jar (Maven, runtime scope)", jarSbom);
        LicensePolicy.Report web = policy.check("web bundle (npm, production)", webSbom);
        String report = jar.summary() + web.summary();
        Files.writeString(Path.of("target/license-report.txt"), report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(jar.allowed()).as("the SBOM lists the bundled libraries").hasSizeGreaterThan(50);
        assertThat(web.allowed())
                .as("the SBOM lists the web bundle's libraries")
                .hasSizeGreaterThan(10);
        assertThat(jar.violations()).as(report).isEmpty();
        assertThat(web.violations()).as(report).isEmpty();
    }

    @Test
    void aForbiddenOrMissingLicenseFailsAndOnlyAReasonedExceptionLetsItThrough() throws Exception {
        JsonNode bom = new ObjectMapper().readTree("""
                {"bomFormat":"CycloneDX","components":[
                  {"group":"org.example","name":"copyleft-lib","version":"1.0","purl":"pkg:maven/org.example/copyleft-lib@1.0",
                   "licenses":[{"license":{"id":"GPL-3.0-only"}}]},
                  {"group":"org.example","name":"agpl-server","version":"2.0","purl":"pkg:maven/org.example/agpl-server@2.0",
                   "licenses":[{"expression":"AGPL-3.0-only AND MIT"}]},
                  {"group":"org.example","name":"mystery","version":"0.1","purl":"pkg:maven/org.example/mystery@0.1"},
                  {"group":"org.example","name":"dual","version":"3.0","purl":"pkg:maven/org.example/dual@3.0",
                   "licenses":[{"license":{"id":"LGPL-2.1-only"}},{"license":{"id":"Apache-2.0"}}]},
                  {"name":"@scope/either","version":"1.2.3","purl":"pkg:npm/%40scope/either@1.2.3",
                   "licenses":[{"expression":"(GPL-2.0-only OR MIT)"}]}
                ]}""");

        LicensePolicy.Report report = policy().check("crafted", bom);
        assertThat(report.violations())
                .extracting(LicensePolicy.Component::key)
                .containsExactly("org.example:copyleft-lib", "org.example:agpl-server", "org.example:mystery");
        assertThat(report.allowed())
                .extracting(LicensePolicy.Component::key)
                .containsExactly("org.example:dual", "npm:@scope/either");
        assertThat(report.summary())
                .contains(
                        "VIOLATION: org.example:copyleft-lib@1.0 [GPL-3.0-only]",
                        "VIOLATION: org.example:mystery@0.1 (no license declared)");

        LicensePolicy excepting = new LicensePolicy(
                Set.of("MIT", "Apache-2.0"),
                Map.of("org.example:copyleft-lib", "used only by the optional plugin, reviewed 2026-12-03"));
        LicensePolicy.Report after = excepting.check("crafted", bom);
        assertThat(after.excepted())
                .extractingFromEntries(e -> e.getKey().key())
                .containsExactly("org.example:copyleft-lib");
        assertThat(after.violations())
                .extracting(LicensePolicy.Component::key)
                .containsExactly("org.example:agpl-server", "org.example:mystery");
    }

    @Test
    void anExceptionWithoutAReasonIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("licenses");
        Files.writeString(dir.resolve("allowed.txt"), "MIT\n");
        Files.writeString(dir.resolve("exceptions.txt"), "org.example:copyleft-lib\n");
        Assertions.assertThatThrownBy(
                        () -> LicensePolicy.load(dir.resolve("allowed.txt"), dir.resolve("exceptions.txt")))
                .hasMessageContaining("an exception needs a reason");
    }
}
