package dev.ccui.bootstrap.supplychain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The license policy of ops/licenses: reads a CycloneDX JSON SBOM and sorts its components into
 * allowed (a license on the allow-list), excepted (named in the exceptions file, with a reason)
 * and violations (everything else, including components that declare no license).
 */
final class LicensePolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> allowed;
    private final Map<String, String> exceptions;

    LicensePolicy(Set<String> allowed, Map<String, String> exceptions) {
        this.allowed = Set.copyOf(allowed);
        this.exceptions = Map.copyOf(exceptions);
    }

    static LicensePolicy load(Path allowedFile, Path exceptionsFile) throws IOException {
        Set<String> allowed = new LinkedHashSet<>();
        for (String line : lines(allowedFile)) {
            allowed.add(line);
        }
        Map<String, String> exceptions = new LinkedHashMap<>();
        for (String line : lines(exceptionsFile)) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(exceptionsFile + ": an exception needs a reason: '" + line + "'");
            }
            exceptions.put(parts[0], parts[1].strip());
        }
        return new LicensePolicy(allowed, exceptions);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** One component of an SBOM as the policy sees it. */
    record Component(String key, String version, List<String> licenses) {
        String shown() {
            return key + "@" + version + " " + (licenses.isEmpty() ? "(no license declared)" : licenses);
        }
    }

    record Report(
            String sbom,
            List<Component> allowed,
            Map<Component, String> excepted,
            List<Component> violations,
            Map<String, Integer> byLicense) {
        String summary() {
            StringBuilder b = new StringBuilder();
            b.append(sbom)
                    .append(": ")
                    .append(allowed.size() + excepted.size() + violations.size())
                    .append(" components, ")
                    .append(allowed.size())
                    .append(" allowed, ")
                    .append(excepted.size())
                    .append(" excepted, ")
                    .append(violations.size())
                    .append(" violation(s)\n");
            byLicense.forEach((license, n) ->
                    b.append("  ").append(n).append(" x ").append(license).append('\n'));
            excepted.forEach((c, reason) -> b.append("  excepted: ")
                    .append(c.shown())
                    .append(" - ")
                    .append(reason)
                    .append('\n'));
            violations.forEach(c -> b.append("  VIOLATION: ").append(c.shown()).append('\n'));
            return b.toString();
        }
    }

    Report check(String name, Path sbom) throws IOException {
        return check(name, JSON.readTree(sbom.toFile()));
    }

    Report check(String name, JsonNode bom) {
        List<Component> ok = new ArrayList<>();
        Map<Component, String> excepted = new LinkedHashMap<>();
        List<Component> violations = new ArrayList<>();
        Map<String, Integer> byLicense = new TreeMap<>();
        for (JsonNode node : bom.path("components")) {
            Component c = component(node);
            String chosen = chosenLicense(c.licenses());
            if (chosen != null) {
                ok.add(c);
                byLicense.merge(chosen, 1, Integer::sum);
                continue;
            }
            String reason = exception(c.key());
            if (reason != null) {
                excepted.put(c, reason);
            } else {
                violations.add(c);
            }
        }
        return new Report(name, ok, excepted, violations, byLicense);
    }

    private static Component component(JsonNode node) {
        String purl = node.path("purl").asText("");
        String key = purl.startsWith("pkg:npm/")
                ? "npm:" + node.path("group").asText("").transform(g -> g.isEmpty() ? "" : g + "/")
                        + node.path("name").asText()
                : node.path("group").asText("") + ":" + node.path("name").asText();
        if (purl.startsWith("pkg:npm/") && node.path("name").asText().startsWith("@")) {
            key = "npm:" + node.path("name").asText(); // npm sbom puts the scope into the name
        }
        List<String> licenses = new ArrayList<>();
        for (JsonNode l : node.path("licenses")) {
            if (l.has("expression")) {
                licenses.add(l.path("expression").asText());
            } else if (l.path("license").has("id")) {
                licenses.add(l.path("license").path("id").asText());
            } else if (l.path("license").has("name")) {
                licenses.add(l.path("license").path("name").asText());
            }
        }
        return new Component(key, node.path("version").asText(""), List.copyOf(licenses));
    }

    /** The first license of the component that the allow-list accepts, or null. */
    private String chosenLicense(List<String> licenses) {
        for (String license : licenses) {
            if (expressionAllowed(license)) {
                return license;
            }
        }
        return null;
    }

    /** {@code (MIT OR Apache-2.0)}: one alternative whose every AND-part is allowed. */
    boolean expressionAllowed(String expression) {
        String flat = expression.replace("(", " ").replace(")", " ").strip();
        for (String alternative : flat.split("(?i)\\s+OR\\s+")) {
            boolean all = true;
            for (String part : alternative.split("(?i)\\s+AND\\s+")) {
                all &= allowed.contains(part.strip());
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private String exception(String key) {
        String exact = exceptions.get(key);
        if (exact != null) {
            return exact;
        }
        int colon = key.indexOf(':');
        return colon < 0 ? null : exceptions.get(key.substring(0, colon).toLowerCase(Locale.ROOT) + ":*");
    }
}
