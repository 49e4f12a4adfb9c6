package dev.ccui.adapters.process.sandbox;

import dev.ccui.adapters.process.EnvironmentAllowList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a sandboxed process may get from what its caller built: the ones a shell, git and
 * the CLI need, nothing else (the app's own settings and secrets are never on the list).
 */
final class SandboxEnvironment {
    private static final EnvironmentAllowList ALLOWED = new EnvironmentAllowList(
            Set.of(
                    "PATH",
                    "LANG",
                    "TERM",
                    "COLORTERM",
                    "TZ",
                    "USER",
                    "LOGNAME",
                    "SHELL",
                    "IS_SANDBOX",
                    "NODE_EXTRA_CA_CERTS",
                    "HTTP_PROXY",
                    "HTTPS_PROXY",
                    "NO_PROXY",
                    "http_proxy",
                    "https_proxy",
                    "no_proxy",
                    "EDITOR",
                    "VISUAL",
                    "PAGER"),
            List.of("LC_", "ANTHROPIC_", "CLAUDE_CODE_", "DISABLE_", "GIT_"));

    private SandboxEnvironment() {}

    static boolean passes(String name) {
        return ALLOWED.passes(name);
    }

    static Map<String, String> filter(Map<String, String> requested) {
        return ALLOWED.filter(requested);
    }
}
