package dev.ccui.application.run.port.out;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the CLI for one session.
 *
 * @param cwd            the project's directory; the CLI runs there
 * @param sessionId      a new session's id (a UUID the caller chose) or the one to resume
 * @param resume         {@code true}: {@code --resume <id>} continues a recorded session;
 *                       {@code false}: {@code --session-id <id>} starts it
 * @param model          {@code sonnet}, {@code opus}, {@code haiku} or a full model id; {@code null} for the CLI's default
 * @param permissionMode {@code null} for the CLI's default
 * @param allowedTools   rules such as {@code Bash(git *)} or {@code Edit} the CLI allows without asking
 * @param environment    variables added to the CLI's controlled environment (credentials, base URL);
 *                       the runner still drops names that are not meant for the CLI
 * @param user           whose CLI configuration (MCP servers, settings, memory) the CLI gets; {@code null}: none
 * @param forkFrom       a recorded session whose history the new session {@code sessionId} starts
 *                       from ({@code --resume <forkFrom> --fork-session --session-id <sessionId>}); the
 *                       origin's transcript is left as it is. {@code null}: no fork
 * @param effort         the CLI's {@code --effort} level; {@code null} for its default
 */
public record RunSpec(
        Path cwd,
        SessionId sessionId,
        boolean resume,
        String model,
        PermissionMode permissionMode,
        List<String> allowedTools,
        List<String> disallowedTools,
        Map<String, String> environment,
        UserId user,
        SessionId forkFrom,
        String effort) {
    public RunSpec(
            Path cwd,
            SessionId sessionId,
            boolean resume,
            String model,
            PermissionMode permissionMode,
            List<String> allowedTools,
            List<String> disallowedTools,
            Map<String, String> environment,
            UserId user) {
        this(
                cwd,
                sessionId,
                resume,
                model,
                permissionMode,
                allowedTools,
                disallowedTools,
                environment,
                user,
                null,
                null);
    }

    public RunSpec {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(sessionId, "sessionId");
        if (!cwd.isAbsolute()) {
            throw new InvalidException("cwd", "the project directory must be an absolute path");
        }
        if (model != null && (model.isBlank() || model.startsWith("-"))) {
            throw new InvalidException("model", "not a model name");
        }
        allowedTools = checkRules("allowedTools", allowedTools);
        disallowedTools = checkRules("disallowedTools", disallowedTools);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (forkFrom != null && resume) {
            throw new InvalidException("forkFrom", "a fork starts a new session; it does not resume one");
        }
        if (effort != null && (effort.isBlank() || effort.startsWith("-"))) {
            throw new InvalidException("effort", "not an effort level");
        }
    }

    public RunSpec(
            Path cwd,
            SessionId sessionId,
            boolean resume,
            String model,
            PermissionMode permissionMode,
            List<String> allowedTools,
            List<String> disallowedTools,
            Map<String, String> environment) {
        this(
                cwd,
                sessionId,
                resume,
                model,
                permissionMode,
                allowedTools,
                disallowedTools,
                environment,
                null,
                null,
                null);
    }

    /** A new session with the CLI's defaults. */
    public static RunSpec newSession(Path cwd, SessionId sessionId) {
        return new RunSpec(cwd, sessionId, false, null, null, List.of(), List.of(), Map.of());
    }

    /** A recorded session, continued with its history. */
    public static RunSpec resume(Path cwd, SessionId sessionId) {
        return new RunSpec(cwd, sessionId, true, null, null, List.of(), List.of(), Map.of());
    }

    public RunSpec withModel(String newModel) {
        return new RunSpec(
                cwd,
                sessionId,
                resume,
                newModel,
                permissionMode,
                allowedTools,
                disallowedTools,
                environment,
                user,
                forkFrom,
                effort);
    }

    public RunSpec withPermissionMode(PermissionMode mode) {
        return new RunSpec(
                cwd,
                sessionId,
                resume,
                model,
                mode,
                allowedTools,
                disallowedTools,
                environment,
                user,
                forkFrom,
                effort);
    }

    public RunSpec withEnvironment(Map<String, String> variables) {
        return new RunSpec(
                cwd,
                sessionId,
                resume,
                model,
                permissionMode,
                allowedTools,
                disallowedTools,
                variables,
                user,
                forkFrom,
                effort);
    }

    private static List<String> checkRules(String field, List<String> rules) {
        if (rules == null) {
            return List.of();
        }
        for (String rule : rules) {
            // A rule is passed as its own argument; a leading dash would be read as a flag.
            if (rule == null || rule.isBlank() || rule.startsWith("-")) {
                throw new InvalidException(field, "not a tool rule: " + rule);
            }
        }
        return List.copyOf(rules);
    }
}
