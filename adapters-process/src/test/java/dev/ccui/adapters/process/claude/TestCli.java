package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the pinned real CLI is: {@code CCUI_TEST_CLAUDE_CLI}, else where {@code .ci/run} installs it. */
public final class TestCli {
    public static final String VERSION = "2.1.328";

    private TestCli() {}

    public static Path path() {
        String configured = System.getenv("CCUI_TEST_CLAUDE_CLI");
        Path cli = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(
                        System.getProperty("user.home"),
                        ".cache",
                        "ccui",
                        "claude-cli",
                        "node_modules",
                        ".bin",
                        "claude");
        if (!Files.isExecutable(cli)) {
            fail("the claude CLI " + VERSION + " is needed for this test and is not at " + cli + ". Install it with: "
                    + "npm install --prefix \"$HOME/.cache/ccui/claude-cli\" @anthropic-ai/claude-code@" + VERSION
                    + " --no-audit --no-fund (or run .ci/run), or set CCUI_TEST_CLAUDE_CLI");
        }
        return cli;
    }

    /**
     * What points the CLI at a fake Messages API and keeps it off every other network: the
     * variables every test that runs the real CLI sets.
     */
    public static Map<String, String> fakeApiEnvironment(String apiBaseUrl) {
        return Map.of(
                "ANTHROPIC_BASE_URL",
                apiBaseUrl,
                "ANTHROPIC_API_KEY",
                "test",
                "DISABLE_TELEMETRY",
                "1",
                "DISABLE_AUTOUPDATER",
                "1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC",
                "1",
                "CLAUDE_CODE_MAX_RETRIES",
                "0");
    }
}
