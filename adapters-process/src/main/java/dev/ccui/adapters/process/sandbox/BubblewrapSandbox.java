package dev.ccui.adapters.process.sandbox;

import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Each process in a bubblewrap sandbox of its own: new user, PID, IPC and UTS namespaces with a
 * fresh {@code /proc} (the app and other users' processes do not exist there), all capabilities
 * dropped, {@code --die-with-parent}; the system folders and the CLI installation read-only; a
 * private {@code /tmp} and {@code HOME}; read-write only the current project and, for runs and
 * shells, that project's transcript folder. Other projects of the same user are not visible
 * (a run works on one project; what it needs from another, the user copies in). The data dir,
 * database, {@code jwt-secret}, {@code node-id}, logs and the app's installation are never mounted,
 * and are masked when they lie inside a project.
 *
 * <p>Network: local git gets none. Runs, shells and git talking to a remote get {@link SandboxNetwork#PASTA} (an own network
 * namespace connected outside by {@code pasta}, which forwards only the named loopback ports to
 * the app machine) or {@link SandboxNetwork#HOST}. Limits: one cgroup per sandbox ({@link Cgroups}).
 *
 * <p>A small launcher (bash, outside the sandbox) joins the cgroups, starts bubblewrap and, with
 * pasta, attaches pasta to the sandbox's network namespace; inside, the command waits until the
 * network is up, so the first request of a run does not race it.
 */
public final class BubblewrapSandbox implements ProcessSandbox {
    static final String HOME = "/tmp/home";
    /** Where a CLI or shell sees its user's own CLI configuration folder; CLAUDE_CONFIG_DIR links into it. */
    static final String USER_CONFIG = "/run/ccui/cli-config";
    /** The /etc entries a shell, git, TLS and name resolution need; the rest of /etc (shadow, app env files) stays out. */
    private static final List<String> ETC = List.of(
            "passwd",
            "group",
            "hosts",
            "hostname",
            "resolv.conf",
            "nsswitch.conf",
            "host.conf",
            "gai.conf",
            "ssl",
            "ca-certificates",
            "ca-certificates.conf",
            "pki",
            "crypto-policies",
            "localtime",
            "timezone",
            "alternatives",
            "ld.so.cache",
            "ld.so.conf",
            "ld.so.conf.d",
            "bash.bashrc",
            "profile",
            "profile.d",
            "inputrc",
            "terminfo",
            "mime.types",
            "locale.alias",
            "locale.conf",
            "default/locale",
            "os-release",
            "magic",
            "magic.mime",
            "vim",
            "nanorc");

    private static final List<String> MERGED_USR = List.of("bin", "sbin", "lib", "lib64", "lib32", "libx32");

    private static final String LAUNCHER = """
            set -u
            groups=$1; net=$2; ports=$3; runas=$4; shift 4
            if [ -n "$groups" ]; then
              IFS=:; for g in $groups; do
                echo $$ > "$g/cgroup.procs" || { echo "ccui sandbox: cannot join $g" >&2; exit 125; }
              done; unset IFS
            fi
            if [ "$net" = pasta-outside ]; then
              # Unprivileged: pasta makes the user and network namespaces and runs bubblewrap in them
              # (it cannot join a namespace bubblewrap made); it ends when bubblewrap does.
              exec setpriv --pdeathsig KILL pasta --foreground --config-net --quiet -t none -u none -U none -T "$ports" \\
                --no-map-gw -- "$@"
            fi
            if [ "$net" != pasta ]; then exec "$@"; fi
            fifo=$(mktemp -u /tmp/ccui-sandbox.XXXXXXXXXX) && mkfifo -m 600 "$fifo" || exit 125
            "$@" 3>"$fifo" <&0 &
            sandbox=$!
            IFS= read -r -d '' info <"$fifo"; rm -f "$fifo"
            child=${info#*\\"child-pid\\": }; child=${child%%[!0-9]*}
            if [ -n "$child" ]; then
              # In the foreground, as this launcher's child, killed with it (setpriv's parent-death
              # signal) and after the sandbox ends: a daemonized pasta outlives the namespace's
              # processes (it holds the namespace open) and would pile up, one per run or shell.
              setpriv --pdeathsig KILL pasta $runas --foreground --config-net --quiet -t none -u none -U none -T "$ports" \\
                --no-map-gw --netns-only "$child" >/dev/null 2>&1 &
              pasta=$!
            fi
            wait $sandbox; code=$?
            if [ -n "${pasta:-}" ]; then kill "$pasta" 2>/dev/null; fi
            exit $code
            """;

    /** Inside the sandbox: wait (at most 3 s) for pasta's default route and the forwarded ports, then run the command. */
    private static final String WAIT_FOR_NETWORK = """
            i=0
            while [ $i -lt 300 ]; do
              if grep -q '^[^ ]*\t00000000\t' /proc/net/route 2>/dev/null; then
                ok=1; for p in $1; do grep -qi ":$p 00000000:0000 0A" /proc/net/tcp 2>/dev/null || ok=0; done
                [ $ok = 1 ] && break
              fi
              i=$((i+1)); sleep 0.01
            done
            shift; exec "$@"
            """;

    private final BubblewrapSettings settings;
    private final Cgroups cgroups;
    private final List<Path> cliPaths;
    private final int uid;
    private final int gid;

    public BubblewrapSandbox(BubblewrapSettings settings) {
        this.settings = settings;
        this.cgroups = Cgroups.detect(settings.cgroupRoot(), settings.limits());
        this.cliPaths = settings.claudeCli() == null ? List.of() : installation(settings.claudeCli());
        this.uid = id("uid");
        this.gid = id("gid");
    }

    @Override
    public String mode() {
        return "bwrap";
    }

    @Override
    public boolean isolates() {
        return true;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("network", settings.network().configName());
        details.put(
                "limits",
                switch (cgroups.version()) {
                    case V1 -> "cgroup-v1";
                    case V2 -> "cgroup-v2";
                    case NONE -> "none";
                });
        return details;
    }

    Cgroups.Version limitsVersion() {
        return cgroups.version();
    }

    @Override
    public SandboxedCommand prepare(SandboxRequest request) {
        Path project = real(request.project());
        boolean claude = request.profile() == SandboxRequest.Profile.CLAUDE
                || request.profile() == SandboxRequest.Profile.SHELL
                || request.profile() == SandboxRequest.Profile.CLAUDE_CONFIG;
        boolean networked = request.profile() != SandboxRequest.Profile.GIT;
        boolean pasta = networked && settings.network() == SandboxNetwork.PASTA;
        // As root, pasta joins the network namespace bubblewrap makes; without privileges it cannot
        // (it would have to enter bubblewrap's user namespace), so pasta makes the namespace and
        // starts bubblewrap inside it.
        boolean pastaOutside = pasta && uid != 0;

        List<String> bwrap = new ArrayList<>(List.of(
                settings.bwrap(),
                "--die-with-parent",
                "--unshare-user",
                "--uid",
                Integer.toString(uid),
                "--gid",
                Integer.toString(gid),
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--hostname",
                "ccui-sandbox",
                "--cap-drop",
                "ALL"));
        if (request.profile() != SandboxRequest.Profile.SHELL) {
            // A new session: no TIOCSTI into a terminal it did not get. The shell keeps its PTY as controlling
            // terminal.
            bwrap.add("--new-session");
        }
        if (!networked || (pasta && !pastaOutside)) {
            bwrap.add("--unshare-net");
        }
        system(bwrap);
        bwrap.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", HOME, "--dir", "/run"));
        bwrap.addAll(List.of("--bind", project.toString(), project.toString()));
        for (Path path : request.readOnly()) {
            bwrap.addAll(List.of("--ro-bind", real(path).toString(), real(path).toString()));
        }
        for (Path path : request.writable()) {
            bwrap.addAll(List.of("--bind", real(path).toString(), real(path).toString()));
        }
        List<Path> visible = new ArrayList<>(List.of(project));
        visible.addAll(request.readOnly());
        visible.addAll(request.writable());
        for (Path hidden : settings.hidden()) {
            for (Path root : visible) {
                mask(bwrap, real(root), hidden);
            }
        }
        Map<String, String> env = new HashMap<>(SandboxEnvironment.filter(request.environment()));
        env.put("HOME", HOME);
        env.put("TMPDIR", "/tmp");
        // The caller's temp folders do not exist in here.
        env.computeIfPresent("CLAUDE_CODE_TMPDIR", (name, value) -> "/tmp");
        env.put("PWD", project.toString());
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        if (claude) {
            // The CLI refuses bypassPermissions as root unless it is told it runs in a sandbox, which it now does.
            env.put("IS_SANDBOX", "1");
            for (Path path : cliPaths) {
                bwrap.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
            if (settings.claudeConfigDir() != null) {
                claudeConfig(bwrap, project, request);
                env.put(
                        "CLAUDE_CONFIG_DIR",
                        settings.claudeConfigDir().toAbsolutePath().normalize().toString());
            }
        }
        bwrap.addAll(List.of("--chdir", project.toString()));
        if (pasta && !pastaOutside) {
            bwrap.addAll(List.of("--info-fd", "3"));
        }
        bwrap.add("--");
        if (pasta) {
            StringBuilder ports = new StringBuilder();
            for (int port : settings.loopbackPorts()) {
                ports.append(ports.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%04X", port));
            }
            bwrap.addAll(List.of("/bin/sh", "-c", WAIT_FOR_NETWORK, "ccui-wait", ports.toString()));
        }
        bwrap.addAll(request.command());

        List<Path> groups = cgroups.create();
        if (groups.isEmpty() && !pasta) {
            return new SandboxedCommand(bwrap, env, project);
        }
        List<String> command = new ArrayList<>(List.of(
                "/bin/bash",
                "-c",
                LAUNCHER,
                "ccui-sandbox",
                String.join(":", groups.stream().map(Path::toString).toList()),
                pastaOutside ? "pasta-outside" : pasta ? "pasta" : "none",
                ports(),
                uid == 0 ? "--runas 0" : ""));
        command.addAll(bwrap);
        return new SandboxedCommand(command, env, project);
    }

    private String ports() {
        if (settings.loopbackPorts().isEmpty()) {
            return "none";
        }
        return String.join(
                ",", settings.loopbackPorts().stream().map(String::valueOf).toList());
    }

    /** /usr read-only, the merged-/usr links or folders, the chosen /etc entries. */
    private static void system(List<String> bwrap) {
        bwrap.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String top : MERGED_USR) {
            Path path = Path.of("/" + top);
            if (Files.isSymbolicLink(path)) {
                try {
                    bwrap.addAll(
                            List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                } catch (IOException ignored) {
                    // Unreadable link: left out.
                }
            } else if (Files.isDirectory(path)) {
                bwrap.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        for (String entry : ETC) {
            bwrap.addAll(List.of("--ro-bind-try", "/etc/" + entry, "/etc/" + entry));
        }
    }

    /**
     * The private CLAUDE_CONFIG_DIR: an empty folder with the project's transcripts and the credentials in it,
     * and the user's own CLI files ({@link UserCliConfig#FILES}) as links into that user's folder, which is
     * mounted at {@link #USER_CONFIG}: read-only for runs, writable for the shell (the user's own terminal,
     * where, as at any terminal, they may edit their {@code ~/.claude}) and for
     * {@link SandboxRequest.Profile#CLAUDE_CONFIG}.
     *
     * <p>Since a shell can write anything into that folder (a link to {@code ../../jwt-secret}, a
     * {@code projects} link to {@code /etc}), nothing is mounted from a path inside it and nothing is
     * mounted onto one: bubblewrap resolves those paths on the host, before the sandbox exists. The folder
     * itself (a path the app builds) is mounted whole, and the links to its files are made inside the
     * sandbox, so whatever a user planted there resolves within the sandbox's own view.
     */
    private void claudeConfig(List<String> bwrap, Path project, SandboxRequest request) {
        Path config = settings.claudeConfigDir().toAbsolutePath().normalize();
        Path transcripts = TranscriptFolder.of(config, project);
        Path user = UserCliConfig.folder(settings.userConfigRoot(), request.cliUser());
        try {
            Files.createDirectories(transcripts);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the transcript folder " + transcripts + " cannot be created: " + e.getMessage(), e);
        }
        bwrap.addAll(List.of("--tmpfs", config.toString()));
        if (user != null) {
            boolean writable = request.profile() == SandboxRequest.Profile.SHELL
                    || request.profile() == SandboxRequest.Profile.CLAUDE_CONFIG;
            bwrap.addAll(List.of(writable ? "--bind" : "--ro-bind", user.toString(), USER_CONFIG));
            for (String file : UserCliConfig.FILES) {
                // A writer may create a missing file through its link; a run (read-only) writes its own
                // copy into the private folder instead, as the CLI expects to be able to.
                if (writable || Files.exists(user.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                    bwrap.addAll(List.of(
                            "--symlink",
                            USER_CONFIG + "/" + file,
                            config.resolve(file).toString()));
                }
            }
        }
        bwrap.addAll(List.of("--bind", transcripts.toString(), transcripts.toString()));
        bwrap.addAll(List.of(
                "--ro-bind-try",
                config.resolve(".credentials.json").toString(),
                config.resolve(".credentials.json").toString()));
    }

    /** A hidden folder or file that lies inside the project is covered: an empty folder, or /dev/null. */
    private static void mask(List<String> bwrap, Path project, Path hidden) {
        Path path = real(hidden);
        if (!path.startsWith(project)) {
            return;
        }
        if (Files.isDirectory(path)) {
            bwrap.addAll(List.of("--tmpfs", path.toString()));
        } else if (Files.exists(path)) {
            bwrap.addAll(List.of("--ro-bind", "/dev/null", path.toString()));
        }
    }

    /**
     * The folders the CLI needs to start: where the given name or path is, and where it really is;
     * for an npm install, the folder that holds {@code node_modules}. Anything under /usr is already there.
     */
    static List<Path> installation(String cli) {
        Path given = onPath(cli);
        if (given == null) {
            return List.of();
        }
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(root(given.toAbsolutePath().normalize()));
        folders.add(root(real(given)));
        folders.removeIf(folder -> folder == null || folder.startsWith("/usr") || folder.getNameCount() < 2);
        return List.copyOf(folders);
    }

    private static Path root(Path file) {
        for (int i = 0; i < file.getNameCount(); i++) {
            if (file.getName(i).toString().equals("node_modules")) {
                return i == 0 ? null : file.getRoot().resolve(file.subpath(0, i));
            }
        }
        return file.getParent();
    }

    private static Path onPath(String cli) {
        if (cli.contains("/")) {
            Path path = Path.of(cli);
            return Files.exists(path) ? path : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, cli);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * This process's uid or gid: the owner of {@code /proc/<pid>}, reached through the
     * {@code /proc/self} link (the link itself belongs to root, whoever runs the app).
     */
    static int id(String which) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self/"), "unix:" + which);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
