package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {

    @Test
    void keepsWhatTheCliNeedsAndNothingElse() {
        Map<String, String> inherited = Map.ofEntries(
                Map.entry("PATH", "/usr/bin"),
                Map.entry("HOME", "/home/u"),
                Map.entry("LANG", "C.UTF-8"),
                Map.entry("LC_ALL", "C"),
                Map.entry("XDG_CONFIG_HOME", "/x"),
                Map.entry("ANTHROPIC_API_KEY", "k"),
                Map.entry("CLAUDE_CODE_USE_BEDROCK", "1"),
                Map.entry("CLAUDE_CONFIG_DIR", "/c"),
                Map.entry("DISABLE_TELEMETRY", "1"),
                Map.entry("IS_SANDBOX", "1"),
                Map.entry("HTTPS_PROXY", "http://proxy"),
                Map.entry("NODE_EXTRA_CA_CERTS", "/ca.pem"),
                Map.entry("JWT_SECRET", "s"),
                Map.entry("DATABASE_URL", "d"),
                Map.entry("REDIS_URL", "r"),
                Map.entry("METRICS_TOKEN", "m"),
                Map.entry("CCUI_PORT", "3001"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "a"),
                Map.entry("JAVA_TOOL_OPTIONS", "-x"),
                Map.entry("LD_PRELOAD", "/evil.so"),
                Map.entry("NODE_OPTIONS", "-r x"));

        Map<String, String> env = CliEnvironment.build(
                inherited,
                Map.of(
                        "ANTHROPIC_BASE_URL",
                        "http://127.0.0.1:1",
                        "CCUI_SECRET",
                        "no",
                        "ANTHROPIC_API_KEY",
                        "user-key"));

        assertThat(env)
                .containsOnlyKeys(
                        "PATH",
                        "HOME",
                        "LANG",
                        "LC_ALL",
                        "XDG_CONFIG_HOME",
                        "ANTHROPIC_API_KEY",
                        "CLAUDE_CODE_USE_BEDROCK",
                        "CLAUDE_CONFIG_DIR",
                        "DISABLE_TELEMETRY",
                        "IS_SANDBOX",
                        "HTTPS_PROXY",
                        "NODE_EXTRA_CA_CERTS",
                        "ANTHROPIC_BASE_URL");
        assertThat(env).containsEntry("ANTHROPIC_API_KEY", "user-key");
    }
}
