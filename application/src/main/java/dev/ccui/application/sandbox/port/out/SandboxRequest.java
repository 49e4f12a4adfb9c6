package dev.ccui.application.sandbox.port.out;

import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process to start for a user.
 *
 * @param profile     what the process is, which decides what it gets beyond its project
 * @param project     the project folder: the only user folder it can read and write, and where it starts
 * @param command     the program and its arguments
 * @param environment the variables it should get (the adapter may drop more and sets HOME/TMPDIR)
 * @param cliUser     for the CLI and the shell: whose CLI configuration (MCP servers, settings, memory) it
 *                    sees; {@code null} for none (git, the self-tests)
 * @param readOnly    real folders beside the project it may read and never write: the local repository a clone
 *                    copies from, chosen and confined by the use case (never by what a repository says)
 * @param writable    real folders beside the project it may write: a linked worktree's shared {@code .git} folder
 *                    in its parent project, taken from the project rows (never from the worktree's own
 *                    {@code .git} file, which its users can rewrite)
 */
public record SandboxRequest(
        Profile profile,
        Path project,
        List<String> command,
        Map<String, String> environment,
        UserId cliUser,
        List<Path> readOnly,
        List<Path> writable) {

    public SandboxRequest(Profile profile, Path project, List<String> command, Map<String, String> environment) {
        this(profile, project, command, environment, null, List.of(), List.of());
    }

    /** The CLI or the shell for a user, with that user's CLI configuration. */
    public SandboxRequest(
            Profile profile, Path project, List<String> command, Map<String, String> environment, UserId cliUser) {
        this(profile, project, command, environment, cliUser, List.of(), List.of());
    }

    /** git with folders beside the project (a clone's source, a worktree's shared {@code .git}). */
    public SandboxRequest(
            Profile profile,
            Path project,
            List<String> command,
            Map<String, String> environment,
            List<Path> readOnly,
            List<Path> writable) {
        this(profile, project, command, environment, null, readOnly, writable);
    }

    public enum Profile {
        /** git on the project: no network, no CLI, no transcripts. */
        GIT,
        /** git talking to a remote (fetch, pull, push): like {@link #GIT} plus the network runs and shells get. */
        GIT_REMOTE,
        /** the Claude CLI: the network it is allowed, its installation and the project's transcript folder. */
        CLAUDE,
        /** the web shell: like {@link #CLAUDE} (it can resume a session with the CLI), on a terminal. */
        SHELL,
        /**
         * the CLI changing its user's own configuration ({@code claude mcp add|remove}): like {@link #CLAUDE},
         * with that user's CLI configuration writable; runs and shells only read it, so a prompt-injected
         * run cannot plant a hook or a server that would start in the user's other projects.
         */
        CLAUDE_CONFIG
    }

    public SandboxRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(project, "project");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        readOnly = List.copyOf(readOnly);
        writable = List.copyOf(writable);
        if (profile == Profile.CLAUDE_CONFIG && cliUser == null) {
            throw new IllegalArgumentException("changing a CLI configuration needs its user");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command is required");
        }
    }
}
