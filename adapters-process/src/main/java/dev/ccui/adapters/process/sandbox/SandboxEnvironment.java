package dev.ccui.adapters.process.sandbox;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The variables a sandboxed process may get from what its caller built: the ones a shell, git and
 * the CLI need, nothing else (the app's own settings and secrets are never on the list).
 */
final class SandboxEnvironment {
    private static final Set<String> NAMES = Set.of("PATH", "LANG", "TERM", "COLORTERM", "TZ", "USER", "LOGNAME", "SHELL",
            "IS_SANDBOX", "NODE_EXTRA_CA_CERTS", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy",
            "no_proxy", "EDITOR", "VISUAL", "PAGER");
    private static final String[] PREFIXES = {"LC_", "ANTHROPIC_", "CLAUDE_CODE_", "DISABLE_", "GIT_"};

    private SandboxEnvironment() {
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

    static Map<String, String> filter(Map<String, String> requested) {
        Map<String, String> env = new TreeMap<>();
        requested.forEach((name, value) -> {
            if (passes(name) && value != null) {
                env.put(name, value);
            }
        });
        return env;
    }
}
