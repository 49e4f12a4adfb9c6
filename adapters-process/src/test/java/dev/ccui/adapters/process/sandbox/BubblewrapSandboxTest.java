package dev.ccui.adapters.process.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.user.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real bubblewrap (and pasta) on this machine: what a sandboxed process can see, write and reach. */
class BubblewrapSandboxTest {
    @TempDir
    Path temp;

    private BubblewrapSandbox sandbox(SandboxNetwork network, List<Integer> ports, List<Path> hidden) {
        return new BubblewrapSandbox(new BubblewrapSettings(
                "bwrap",
                "pasta",
                null,
                temp.resolve("claude"),
                hidden,
                network,
                ports,
                new SandboxLimits(0, 0, 0),
                temp.resolve("no-cgroups")));
    }

    private static String run(BubblewrapSandbox sandbox, SandboxRequest.Profile profile, Path project, String script)
            throws Exception {
        return run(sandbox, profile, project, null, script);
    }

    private static String run(
            BubblewrapSandbox sandbox, SandboxRequest.Profile profile, Path project, UserId user, String script)
            throws Exception {
        SandboxedCommand command = sandbox.prepare(new SandboxRequest(
                profile,
                project,
                List.of("/bin/bash", "-c", script),
                Map.of("PATH", "/usr/bin:/bin", "JWT_SECRET", "leak", "CCUI_DATA_DIR", "/x"),
                user));
        ProcessBuilder builder = new ProcessBuilder(command.command())
                .directory(command.directory().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        Process process = ProcessStarter.start(builder::start);
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theProjectIsWritableAndNothingElseOfTheAppIsThere() throws Exception {
        Path project = Files.createDirectories(temp.resolve("alice/project"));
        Path other = Files.createDirectories(temp.resolve("bob/project"));
        Files.writeString(other.resolve("secret.txt"), "bob's");
        Path data = Files.createDirectories(project.resolve("data"));
        Files.writeString(data.resolve("jwt-secret"), "s3cret");
        Files.writeString(project.resolve("own.txt"), "mine");
        String out = run(
                sandbox(SandboxNetwork.HOST, List.of(), List.of(data)),
                SandboxRequest.Profile.GIT,
                project,
                """
                cat own.txt; echo; echo new > written.txt && echo wrote
                cat %s/secret.txt 2>/dev/null || echo no-other-project
                cat data/jwt-secret 2>/dev/null || echo no-secret
                cat /proc/1/environ | tr '\\0' '\\n' | grep -c JWT_SECRET || true
                env | grep -c -e JWT_SECRET -e CCUI_ || true
                echo "pids $(ls -d /proc/[0-9]* | wc -l)"
                echo "home $HOME"; ls -A "$HOME" | wc -l
                cat /etc/shadow 2>/dev/null || echo no-shadow
                (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && echo reached || echo no-network
                """.formatted(other));
        assertThat(out)
                .contains(
                        "mine",
                        "wrote",
                        "no-other-project",
                        "no-secret",
                        "no-shadow",
                        "no-network",
                        "home " + BubblewrapSandbox.HOME);
        assertThat(out).doesNotContain("s3cret", "bob's");
        assertThat(out.lines().filter(line -> line.equals("0")).count()).isGreaterThanOrEqualTo(2);
        int pids = Integer.parseInt(out.lines()
                .filter(l -> l.startsWith("pids "))
                .findFirst()
                .orElseThrow()
                .substring(5)
                .strip());
        assertThat(pids).isLessThan(10);
        assertThat(project.resolve("written.txt")).hasContent("new");
    }

    @Test
    void withPastaOnlyTheNamedLoopbackPortIsReachable() throws Exception {
        try (ServerSocket allowed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket refused = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path project = Files.createDirectories(temp.resolve("p"));
            String out = run(
                    sandbox(SandboxNetwork.PASTA, List.of(allowed.getLocalPort()), List.of()),
                    SandboxRequest.Profile.CLAUDE,
                    project,
                    """
                    (exec 3<>/dev/tcp/127.0.0.1/%d) 2>/dev/null && echo allowed-open || echo allowed-closed
                    (exec 3<>/dev/tcp/127.0.0.1/%d) 2>/dev/null && echo other-open || echo other-closed
                    """.formatted(allowed.getLocalPort(), refused.getLocalPort()));
            assertThat(out).contains("allowed-open", "other-closed");
        }
    }

    /** Remote git (fetch, pull, push) gets the network runs get; local git none; neither the CLI's config or transcripts. */
    @Test
    void remoteGitGetsTheNetworkAndLocalGitDoesNot() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path project = Files.createDirectories(temp.resolve("p"));
            String probe = """
                    (exec 3<>/dev/tcp/127.0.0.1/%d) 2>/dev/null && echo open || echo closed
                    echo "claude-config ${CLAUDE_CONFIG_DIR:-none}"
                    """.formatted(server.getLocalPort());
            BubblewrapSandbox sandbox = sandbox(SandboxNetwork.HOST, List.of(), List.of());
            assertThat(run(sandbox, SandboxRequest.Profile.GIT_REMOTE, project, probe))
                    .contains("open", "claude-config none");
            assertThat(run(sandbox, SandboxRequest.Profile.GIT, project, probe))
                    .contains("closed", "claude-config none")
                    .doesNotContain("open");
        }
    }

    /** pasta holds the sandbox's network namespace open: it must end with the sandbox, not pile up one per run. */
    @Test
    void nothingKeepsTheSandboxNetworkAliveAfterTheCommandEnds() throws Exception {
        Path project = Files.createDirectories(temp.resolve("p"));
        String out = run(
                sandbox(SandboxNetwork.PASTA, List.of(), List.of()),
                SandboxRequest.Profile.CLAUDE,
                project,
                "echo \"ns $(readlink /proc/self/ns/net)\"");
        String namespace = out.lines()
                .filter(l -> l.startsWith("ns net:["))
                .findFirst()
                .orElseThrow()
                .substring(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Long> holders = holdersOf(namespace);
        while (!holders.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            holders = holdersOf(namespace);
        }
        assertThat(holders)
                .as("processes still holding %s after the sandbox ended", namespace)
                .isEmpty();
    }

    /** Processes with an open descriptor on (or living in) the given namespace. */
    private static List<Long> holdersOf(String namespace) {
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::pid)
                .filter(pid -> {
                    Path proc = Path.of("/proc", Long.toString(pid));
                    try (var fds = Files.list(proc.resolve("fd"))) {
                        if (namespace.equals(link(proc.resolve("ns/net")))) {
                            return true;
                        }
                        return fds.anyMatch(fd -> namespace.equals(link(fd)));
                    } catch (IOException | RuntimeException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private BubblewrapSandbox withUserConfigs(Path users, String cli) {
        return new BubblewrapSandbox(new BubblewrapSettings(
                "bwrap",
                "pasta",
                cli,
                temp.resolve("claude"),
                List.of(),
                SandboxNetwork.HOST,
                List.of(),
                new SandboxLimits(0, 0, 0),
                temp.resolve("no-cgroups"),
                users));
    }

    @Test
    void runsReadTheirUsersOwnCliConfigurationAndShellsAndConfigChangesWriteIt() throws Exception {
        Path users = temp.resolve("cli-config");
        var sandbox = withUserConfigs(users, null);
        UserId alice = UserId.random();
        UserId bob = UserId.random();
        Path project = Files.createDirectories(temp.resolve("project"));
        Path aliceConfig = UserCliConfig.folder(users, alice);
        Path bobConfig = UserCliConfig.folder(users, bob);
        Files.writeString(aliceConfig.resolve("CLAUDE.md"), "alice-memory");
        Files.writeString(aliceConfig.resolve(".claude.json"), "{}");
        Files.writeString(bobConfig.resolve("CLAUDE.md"), "bob-memory");
        String script = """
                cat "$CLAUDE_CONFIG_DIR/CLAUDE.md"; echo
                ls "$CLAUDE_CONFIG_DIR/.." | grep -c memory || true
                cat %s/CLAUDE.md 2>/dev/null || echo no-bob
                echo changed > "$CLAUDE_CONFIG_DIR/.claude.json" 2>/dev/null && echo wrote-config || echo read-only-config
                """.formatted(bobConfig);

        String run = run(sandbox, SandboxRequest.Profile.CLAUDE, project, alice, script);
        assertThat(run).contains("alice-memory", "read-only-config", "no-bob").doesNotContain("bob-memory");
        assertThat(aliceConfig.resolve(".claude.json")).hasContent("{}");
        String change = run(sandbox, SandboxRequest.Profile.CLAUDE_CONFIG, project, alice, script);
        assertThat(change).contains("alice-memory", "wrote-config", "no-bob").doesNotContain("bob-memory");
        assertThat(aliceConfig.resolve(".claude.json")).hasContent("changed");
        assertThat(bobConfig.resolve(".claude.json")).doesNotExist();
        String nobody = run(sandbox, SandboxRequest.Profile.CLAUDE, project, null, script);
        assertThat(nobody).doesNotContain("alice-memory", "bob-memory");

        // The shell is the user's own terminal: their files are theirs to edit, and created where runs read them.
        String shell = run(sandbox, SandboxRequest.Profile.SHELL, project, alice, script + """
                        echo " and more" >> "$CLAUDE_CONFIG_DIR/CLAUDE.md"
                        echo '{"model":"haiku"}' > "$CLAUDE_CONFIG_DIR/settings.json"
                        """);
        assertThat(shell).contains("alice-memory", "wrote-config", "no-bob").doesNotContain("bob-memory");
        assertThat(aliceConfig.resolve("CLAUDE.md")).hasContent("alice-memory and more");
        assertThat(aliceConfig.resolve("settings.json")).hasContent("{\"model\":\"haiku\"}");
        assertThat(bobConfig.resolve("CLAUDE.md")).hasContent("bob-memory");
        assertThat(bobConfig.resolve("settings.json")).doesNotExist();
        assertThat(run(
                        sandbox,
                        SandboxRequest.Profile.CLAUDE,
                        project,
                        alice,
                        "cat \"$CLAUDE_CONFIG_DIR/settings.json\""))
                .contains("haiku");
    }

    /**
     * A shell can plant anything in its user's configuration folder. Links there must never make bubblewrap
     * mount a host file into a later sandbox (it resolves mount sources and targets on the host), nor create
     * files or folders outside.
     */
    @Test
    void linksPlantedInTheUsersConfigurationResolveOnlyInsideTheSandbox() throws Exception {
        Path users = temp.resolve("data/cli-config");
        Files.writeString(Files.createDirectories(temp.resolve("data")).resolve("jwt-secret"), "s3cret-jwt");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path created = temp.resolve("created-by-the-sandbox");
        var sandbox = withUserConfigs(users, null);
        UserId mallory = UserId.random();
        Path project = Files.createDirectories(temp.resolve("project"));
        Path own = UserCliConfig.folder(users, mallory);
        Files.createSymbolicLink(own.resolve("CLAUDE.md"), Path.of("../../jwt-secret"));
        Files.createSymbolicLink(own.resolve("settings.json"), temp.resolve("data/jwt-secret"));
        Files.createSymbolicLink(own.resolve(".claude.json"), Path.of("../../jwt-secret"));
        Files.createSymbolicLink(own.resolve("projects"), elsewhere);
        Files.createSymbolicLink(own.resolve(".credentials.json"), created);
        String script = """
                cat "$CLAUDE_CONFIG_DIR/CLAUDE.md" "$CLAUDE_CONFIG_DIR/settings.json" "$CLAUDE_CONFIG_DIR/.claude.json"
                echo probed
                """;
        for (SandboxRequest.Profile profile : List.of(
                SandboxRequest.Profile.CLAUDE, SandboxRequest.Profile.SHELL, SandboxRequest.Profile.CLAUDE_CONFIG)) {
            assertThat(run(sandbox, profile, project, mallory, script))
                    .as(profile.name())
                    .contains("probed")
                    .doesNotContain("s3cret-jwt");
        }
        assertThat(created).doesNotExist();
        try (var entries = Files.list(elsewhere)) {
            assertThat(entries).isEmpty();
        }
        assertThat(temp.resolve("data/jwt-secret")).hasContent("s3cret-jwt");
    }

    /** The real CLI, changing a user's configuration that has no .claude.json yet: it is created in that user's folder. */
    @Test
    void theCliInAShellCreatesItsUsersConfiguration() throws Exception {
        Path users = temp.resolve("cli-config");
        var sandbox = withUserConfigs(users, TestCli.path().toString());
        UserId alice = UserId.random();
        Path project = Files.createDirectories(temp.resolve("project"));
        String out = run(
                sandbox,
                SandboxRequest.Profile.SHELL,
                project,
                alice,
                TestCli.path() + " mcp add -s user from-the-shell -- echo hi");
        assertThat(out).contains("from-the-shell");
        Path config = UserCliConfig.folder(users, alice).resolve(".claude.json");
        assertThat(Files.isRegularFile(config, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isTrue();
        assertThat(config).content().contains("\"from-the-shell\"");
    }

    @Test
    void theTranscriptFolderIsTheCliEncoding() {
        assertThat(TranscriptFolder.encode("/home/dev/my_app.v2")).isEqualTo("-home-dev-my-app-v2");
        String longPath = "/" + "a".repeat(250);
        assertThat(TranscriptFolder.encode(longPath))
                .hasSize(200
                        + 1
                        + Long.toString(Math.abs((long) longPath.hashCode()), 36)
                                .length());
    }

    @Test
    void cgroupV2LimitsAreWrittenOnAFakeHierarchy() throws IOException {
        Path root = Files.createDirectories(temp.resolve("cg2"));
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids");
        Files.writeString(root.resolve("cgroup.subtree_control"), "");
        Files.createDirectories(root.resolve("ccui"));
        Files.writeString(root.resolve("ccui/cgroup.controllers"), "cpu memory pids");
        Cgroups cgroups = Cgroups.detect(root, new SandboxLimits(512L * 1024 * 1024, 64, 1.5));
        assertThat(cgroups.version()).isEqualTo(Cgroups.Version.V2);
        List<Path> groups = cgroups.create();
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst().resolve("pids.max")).hasContent("64");
        assertThat(groups.getFirst().resolve("memory.max")).hasContent(Long.toString(512L * 1024 * 1024));
        assertThat(groups.getFirst().resolve("cpu.max")).hasContent("150000 100000");
        assertThat(root.resolve("ccui/cgroup.subtree_control")).hasContent("+pids +memory +cpu");
    }

    @Test
    void cgroupV1LimitsAreWrittenOnAFakeHierarchy() throws IOException {
        Path root = temp.resolve("cg1");
        for (String controller : List.of("pids", "memory", "cpu")) {
            Files.createDirectories(root.resolve(controller));
        }
        Cgroups cgroups = Cgroups.detect(root, new SandboxLimits(1024 * 1024, 32, 2));
        assertThat(cgroups.version()).isEqualTo(Cgroups.Version.V1);
        List<Path> groups = cgroups.create();
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).resolve("pids.max")).hasContent("32");
        assertThat(groups.get(1).resolve("memory.limit_in_bytes")).hasContent("1048576");
        assertThat(groups.get(2).resolve("cpu.cfs_quota_us")).hasContent("200000");
    }
}
