package dev.ccui.adapters.process.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@link BubblewrapSandbox} builds a sandbox.
 *
 * @param bwrap           the {@code bwrap} program
 * @param pasta           the {@code pasta} program (network {@link SandboxNetwork#PASTA})
 * @param claudeCli       the CLI as configured (a path or a name on PATH): mounted read-only for runs and shells
 * @param claudeConfigDir {@code CLAUDE_CONFIG_DIR}: a private copy in each sandbox, with only the
 *                        project's transcript folder (read-write) and the credentials file (read-only) from the real one
 * @param hidden          folders and files never visible, even inside a project (data dir, database, logs, the app)
 * @param network         {@code pasta} or {@code host}
 * @param loopbackPorts   ports on the app machine's loopback a sandbox may reach with pasta (a local Messages API)
 * @param limits          per-sandbox limits
 * @param cgroupRoot      where the cgroup hierarchies are mounted ({@code /sys/fs/cgroup})
 * @param userConfigRoot  where each account's own CLI configuration lives ({@code <root>/<user id>}: its
 *                        {@code .claude.json}, {@code settings.json}, {@code CLAUDE.md}); {@code null}: none
 */
public record BubblewrapSettings(
        String bwrap,
        String pasta,
        String claudeCli,
        Path claudeConfigDir,
        List<Path> hidden,
        SandboxNetwork network,
        List<Integer> loopbackPorts,
        SandboxLimits limits,
        Path cgroupRoot,
        Path userConfigRoot) {
    public BubblewrapSettings(
            String bwrap,
            String pasta,
            String claudeCli,
            Path claudeConfigDir,
            List<Path> hidden,
            SandboxNetwork network,
            List<Integer> loopbackPorts,
            SandboxLimits limits,
            Path cgroupRoot) {
        this(bwrap, pasta, claudeCli, claudeConfigDir, hidden, network, loopbackPorts, limits, cgroupRoot, null);
    }

    public BubblewrapSettings {
        Objects.requireNonNull(bwrap, "bwrap");
        Objects.requireNonNull(network, "network");
        hidden = List.copyOf(hidden);
        loopbackPorts = List.copyOf(loopbackPorts);
        Objects.requireNonNull(limits, "limits");
    }
}
