package dev.ccui.adapters.process.claude;

import dev.ccui.adapters.process.EnvironmentAllowList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment the CLI gets: built from nothing, with only what a shell session and the CLI
 * itself need. The app's own secrets ({@code JWT_SECRET}, {@code DATABASE_URL}, {@code REDIS_URL},
 * {@code METRICS_TOKEN}, any {@code CCUI_*}) never reach it, nor whatever else the app was started with.
 */
final class CliEnvironment {
    private static final EnvironmentAllowList ALLOWED = new EnvironmentAllowList(
            Set.of(
                    "PATH",
                    "HOME",
                    "LANG",
                    "TERM",
                    "TMPDIR",
                    "USER",
                    "LOGNAME",
                    "SHELL",
                    "TZ",
                    "CLAUDE_CONFIG_DIR",
                    "IS_SANDBOX",
                    "NODE_EXTRA_CA_CERTS",
                    "HTTP_PROXY",
                    "HTTPS_PROXY",
                    "NO_PROXY",
                    "http_proxy",
                    "https_proxy",
                    "no_proxy"),
            List.of("LC_", "XDG_", "ANTHROPIC_", "CLAUDE_CODE_", "DISABLE_"));

    private CliEnvironment() {}

    static boolean passes(String name) {
        return ALLOWED.passes(name);
    }

    /** {@code inherited} filtered, then {@code additions} filtered on top. */
    static Map<String, String> build(Map<String, String> inherited, Map<String, String> additions) {
        return ALLOWED.filter(inherited, additions);
    }
}
