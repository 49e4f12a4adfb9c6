package dev.ccui.adapters.process.sandbox;

import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the sandbox: the configured one, or (unset) bubblewrap when its self-test passes. */
public final class Sandboxes {
    private static final Logger LOG = LoggerFactory.getLogger(Sandboxes.class);

    private Sandboxes() {}

    /** What one self-test found: {@code null} problem when the sandbox ran a command. */
    public record SelfTest(String problem) {
        public boolean passed() {
            return problem == null;
        }
    }

    /**
     * {@code configured}: {@code bwrap}, {@code none} or {@code null} (automatic). The network
     * falls back from pasta to host (with a warning) only when it was not configured explicitly.
     */
    public static ProcessSandbox select(String configured, BubblewrapSettings settings, boolean networkConfigured) {
        if ("none".equals(configured)) {
            LOG.warn("CCUI_SANDBOX=none: Claude runs, shells and git run as the app's own user and can read its data");
            return new NoSandbox("configured");
        }
        long started = System.nanoTime();
        BubblewrapSandbox sandbox = new BubblewrapSandbox(settings);
        // Both self-tests at once: each mostly waits for its sandbox to be set up (pasta's network
        // most), and the app's start waits for the slower one instead of for their sum.
        boolean pasta = settings.network() == SandboxNetwork.PASTA;
        CompletableFuture<SelfTest> networkTest = pasta
                ? CompletableFuture.supplyAsync(
                        () -> selfTest(sandbox, true),
                        task -> Thread.ofVirtual()
                                .name("ccui-sandbox-network-test")
                                .start(task))
                : null;
        SelfTest test = selfTest(sandbox, false);
        if (!test.passed()) {
            if ("bwrap".equals(configured)) {
                throw new IllegalStateException(
                        "CCUI_SANDBOX=bwrap but bubblewrap does not work here: " + test.problem());
            }
            LOG.warn(
                    "bubblewrap does not work here ({}): Claude runs, shells and git run WITHOUT a sandbox. Install "
                            + "bubblewrap and allow user namespaces, or set CCUI_SANDBOX=none to silence this.",
                    test.problem());
            return new NoSandbox("bubblewrap unavailable: " + test.problem());
        }
        BubblewrapSandbox chosen = sandbox;
        if (pasta) {
            SelfTest net = networkTest.join();
            if (!net.passed()) {
                if (networkConfigured) {
                    throw new IllegalStateException(
                            "CCUI_SANDBOX_NETWORK=pasta but pasta does not work here: " + net.problem());
                }
                LOG.warn(
                        "pasta does not work here ({}): sandboxes share the host network, loopback included "
                                + "(CCUI_SANDBOX_NETWORK=host)",
                        net.problem());
                chosen = new BubblewrapSandbox(withNetwork(settings, SandboxNetwork.HOST));
            }
        }
        LOG.info(
                "sandbox: bubblewrap, network {}, limits {} (self-tests {} ms)",
                chosen.details().get("network"),
                chosen.details().get("limits"),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return chosen;
    }

    private static BubblewrapSettings withNetwork(BubblewrapSettings s, SandboxNetwork network) {
        return new BubblewrapSettings(
                s.bwrap(),
                s.pasta(),
                s.claudeCli(),
                s.claudeConfigDir(),
                s.hidden(),
                network,
                s.loopbackPorts(),
                s.limits(),
                s.cgroupRoot(),
                s.userConfigRoot());
    }

    /** Runs {@code echo ok} in a sandbox (with the network when asked) on an empty temp folder. */
    static SelfTest selfTest(BubblewrapSandbox sandbox, boolean network) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ccui-sandbox-test");
            SandboxRequest request = new SandboxRequest(
                    network ? SandboxRequest.Profile.CLAUDE : SandboxRequest.Profile.GIT,
                    dir,
                    List.of("/bin/sh", "-c", network ? "grep -q '\t00000000\t' /proc/net/route && echo ok" : "echo ok"),
                    Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"));
            SandboxedCommand command = sandbox.prepare(request);
            ProcessBuilder builder = SandboxedProcesses.builder(command).redirectErrorStream(true);
            Process process = ProcessStarter.start(builder::start);
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                SandboxedProcesses.kill(process);
                return new SelfTest("the test sandbox did not finish within 10 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() == 0 && output.endsWith("ok")) {
                return new SelfTest(null);
            }
            return new SelfTest(
                    output.isEmpty()
                            ? "exit " + process.exitValue()
                            : output.lines().reduce((a, b) -> b).orElse(output));
        } catch (IOException | RuntimeException e) {
            return new SelfTest(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SelfTest("interrupted");
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // A temp folder left behind.
                }
            }
        }
    }
}
