package dev.ccui.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TestApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product in a browser, end to end: the executable jar with the real claude CLI talking to
 * the fake Messages API on loopback, driven by {@code web/e2e/run.mjs} in Debian's headless
 * Chromium through playwright-core. The script's steps (setup and sign-in, add a project, chat,
 * a permission, interrupt, reload mid-stream, terminal, git, phone width, and the page of issue 19:
 * long sessions, search at the match, room to read, keyboard, unsaved edits, honest figures, phones)
 * each assert what the user sees; this test passes when the script exits 0. Screenshots of every step go to
 * {@code bootstrap/target/e2e-screenshots/}.
 */
@Timeout(720)
class BrowserE2EIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path folder;

    @Test
    void theProductWorksInABrowser() throws Exception {
        Path web = Path.of(System.getProperty("ccui.web.dir", "../web"))
                .toAbsolutePath()
                .normalize();
        Path script = web.resolve("e2e").resolve("run.mjs");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("Chromium is needed for the browser tests and is not at " + chromium
                        + ": install Debian's package (apt-get install chromium) or set CHROMIUM")
                .isTrue();
        assertThat(web.resolve("node_modules").resolve("playwright-core"))
                .as("playwright-core (npm ci in web/, " + "which the web module's build runs)")
                .isDirectory();
        Path screenshots = Path.of(System.getProperty("ccui.e2e.screenshots", "target/e2e-screenshots"))
                .toAbsolutePath();
        deleteTree(screenshots);
        Files.createDirectories(screenshots);

        Path base = folder.toRealPath();
        Path workspaces = Files.createDirectories(base.resolve("work"));
        Path project = gitRepository(Files.createDirectories(workspaces.resolve("e2e-demo")));
        Path home = Files.createDirectories(base.resolve("home"));
        // As on a machine where Claude Code never ran: the config dir appears with the first session,
        // and the index must follow it there (the watcher climbs down from the nearest folder that exists).
        Path claudeConfig = base.resolve("claude");

        try (FakeMessagesApi api = new FakeMessagesApi()) {
            Map<String, String> env = new HashMap<>(TestApplication.baseEnvironment(base));
            env.put("HOME", home.toString());
            env.put("SHELL", "/bin/bash");
            env.put("CCUI_HOST", "127.0.0.1");
            env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
            env.put("CLAUDE_CONFIG_DIR", claudeConfig.toString());
            env.put("CCUI_WORKSPACES_ROOT", workspaces.toString());
            env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
            try (JarProcess jar = JarProcess.start(env)) {
                List<ProcessHandle> appChildren = new ArrayList<>();
                try {
                    Matcher listening = LISTENING.matcher(
                            jar.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60)));
                    assertThat(listening.find()).isTrue();
                    String url = "http://127.0.0.1:" + listening.group(1);
                    int exit = runScript(
                            web,
                            script,
                            Map.of(
                                    "CCUI_URL", url,
                                    "CCUI_PROJECT_PATH", project.toString(),
                                    // where the steps of issue 19 write a long transcript, as the CLI would
                                    "E2E_CLAUDE_CONFIG_DIR", claudeConfig.toString(),
                                    "E2E_SCREENSHOTS", screenshots.toString()));
                    if (exit != 0) {
                        System.out.println("[e2e] the server's output:\n" + String.join("\n", jar.output()));
                    }
                    assertThat(exit)
                            .as("node e2e/run.mjs failed (its output is above; screenshots in " + screenshots + ")")
                            .isZero();
                } finally {
                    // The CLI and the shells run under the app: end them with it, even when the jar is killed.
                    ProcessHandle.of(jar.pid())
                            .ifPresent(p -> appChildren.addAll(p.descendants().toList()));
                    jar.terminate();
                    if (!jar.awaitExitQuietly(Duration.ofSeconds(20))) {
                        System.out.println("[e2e] the server did not stop on SIGTERM within 20 s; killing it");
                    }
                    appChildren.forEach(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    /** Runs the script with node, its output copied line by line to the test log; kills it and its browser on timeout. */
    private static int runScript(Path web, Path script, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        String node = System.getenv().getOrDefault("NODE", "node");
        ProcessBuilder builder = new ProcessBuilder(node, script.toString())
                .directory(web.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        Thread pump = Thread.ofVirtual().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                }
            } catch (IOException e) {
                System.out.println("[e2e] (output lost: " + e.getMessage() + ")");
            }
        });
        try {
            if (!process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("node e2e/run.mjs did not finish within " + SCRIPT_TIMEOUT);
            }
            pump.join(Duration.ofSeconds(10));
            return process.exitValue();
        } finally {
            // Chromium runs under node: never leave either behind.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** A git repository with one commit and its own author, so commits from the UI need no global identity. */
    private static Path gitRepository(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("README.md"), "# e2e demo\n\nA project for the browser tests.\n");
        git(dir, "init", "-q", "-b", "main");
        git(dir, "config", "user.name", "E2E Tester");
        git(dir, "config", "user.email", "e2e@example.invalid");
        git(dir, "config", "commit.gpgsign", "false");
        git(dir, "add", "README.md");
        git(dir, "commit", "-q", "-m", "First commit");
        return dir;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as("git " + String.join(" ", args) + ": " + output)
                .isZero();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
