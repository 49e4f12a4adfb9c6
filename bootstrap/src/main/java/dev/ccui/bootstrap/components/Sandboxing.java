package dev.ccui.bootstrap.components;

import dev.ccui.adapters.process.sandbox.BubblewrapSettings;
import dev.ccui.adapters.process.sandbox.SandboxNetwork;
import dev.ccui.adapters.process.sandbox.Sandboxes;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.bootstrap.config.ClaudeConfig;
import dev.ccui.bootstrap.config.ConfigException;
import dev.ccui.bootstrap.config.SandboxConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the process sandbox runs, shells and git start in. */
public final class Sandboxing {
    private static final Logger LOG = LoggerFactory.getLogger(Sandboxing.class);

    private Sandboxing() {}

    /**
     * Tries the process sandbox for runs, shells and git on a thread of its own: its self-tests start
     * processes and mostly wait, so they overlap with opening the database. {@link #required} then
     * applies the rules that need the accounts.
     *
     * @param dataDir hidden from every sandbox, as is the app's own install folder
     */
    public static CompletableFuture<ProcessSandbox> probe(SandboxConfig settings, ClaudeConfig claude, Path dataDir) {
        var probe = new CompletableFuture<ProcessSandbox>();
        Thread.ofPlatform().name("ccui-sandbox-probe").daemon().start(() -> {
            try {
                probe.complete(select(settings, claude, dataDir));
            } catch (RuntimeException e) {
                probe.completeExceptionally(e);
            }
        });
        return probe;
    }

    /**
     * The probed sandbox, if this app may run with it: without one (CCUI_SANDBOX=none, or bubblewrap
     * unusable) the app starts only while it has at most one account and not in production.
     */
    public static ProcessSandbox required(CompletableFuture<ProcessSandbox> probe, boolean production, long accounts) {
        ProcessSandbox sandbox;
        try {
            sandbox = probe.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (!sandbox.isolates() && production) {
            throw new ConfigException(
                    List.of("production needs the process sandbox, and bubblewrap does not work here: "
                            + sandbox.details().getOrDefault("reason", "unknown") + " (see docs/security.md)"));
        }
        if (!sandbox.isolates() && accounts > 1) {
            throw new ConfigException(List.of("this app has " + accounts + " accounts, so it needs the process sandbox "
                    + "(CCUI_SANDBOX=bwrap), but it is off: "
                    + sandbox.details().getOrDefault("reason", "CCUI_SANDBOX=none")));
        }
        return sandbox;
    }

    /** Where each account's own CLI configuration lives with the sandbox (without it, the machine user's is the one). */
    public static Path userCliConfigRoot(Path dataDir) {
        return dataDir.resolve("cli-config");
    }

    private static ProcessSandbox select(SandboxConfig settings, ClaudeConfig claude, Path dataDir) {
        List<Path> hidden = new ArrayList<>(List.of(dataDir));
        try {
            var code = Sandboxing.class.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation().getProtocol().equals("file")) {
                Path location = Path.of(code.getLocation().toURI());
                hidden.add(location.getParent() == null ? location : location.getParent());
            }
        } catch (Exception e) {
            LOG.debug("the app's own location is unknown: {}", e.getMessage());
        }
        var bwrap = new BubblewrapSettings(
                "bwrap",
                "pasta",
                claude.cliPath(),
                claude.configDir(),
                hidden,
                settings.network().orElse(SandboxNetwork.PASTA),
                settings.loopbackPorts(),
                settings.limits(),
                Path.of("/sys/fs/cgroup"),
                userCliConfigRoot(dataDir));
        try {
            return Sandboxes.select(settings.mode().orElse(null), bwrap, settings.networkConfigured());
        } catch (IllegalStateException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
    }
}
