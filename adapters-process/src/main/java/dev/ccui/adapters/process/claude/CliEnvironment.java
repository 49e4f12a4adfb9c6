package dev.ccui.adapters.process.claude;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment the CLI gets: built from nothing, with only what a shell session and the CLI
 * itself need. The app's own secrets ({@code JWT_SECRET}, {@code DATABASE_URL}, {@code REDIS_URL},
 * {@code METRICS_TOKEN}, any {@code CCUI_*}) never reach it, nor whatever else the app was started with.
 */
final class CliEnvironment {
    private static final Set<String> NAMES = Set.of("PATH", "HOME", "LANG", "TERM", "TMPDIR", "USER", "LOGNAME",
            "SHELL", "TZ", "CLAUDE_CONFIG_DIR", "IS_SANDBOX", "NODE_EXTRA_CA_CERTS", "HTTP_PROXY", "HTTPS_PROXY",
            "NO_PROXY", "http_proxy", "https_proxy", "no_proxy");
    private static final String[] PREFIXES = {"LC_", "XDG_", "ANTHROPIC_", "CLAUDE_CODE_", "DISABLE_"};

    private CliEnvironment() {
    }

    static boolean passes(String name) {
        if (NAMES.contains(name)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code inherited} filtered, then {@code additions} filtered on top. */
    static Map<String, String> build(Map<String, String> inherited, Map<String, String> additions) {
        Map<String, String> env = new TreeMap<>();
        inherited.forEach((name, value) -> {
            if (passes(name)) {
                env.put(name, value);
            }
        });
        additions.forEach((name, value) -> {
            if (passes(name)) {
                env.put(name, value);
            }
        });
        return env;
    }
}
