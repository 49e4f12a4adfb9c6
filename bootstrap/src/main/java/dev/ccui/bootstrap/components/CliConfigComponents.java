package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.mcp.McpRoutes;
import dev.ccui.adapters.http.memory.MemoryRoutes;
import dev.ccui.adapters.http.workspace.CommitMessageRoutes;
import dev.ccui.adapters.process.claude.CliCommitMessageWriter;
import dev.ccui.adapters.process.claude.OneShotCli;
import dev.ccui.adapters.process.mcp.CliMcpServers;
import dev.ccui.adapters.process.sandbox.CliConfigMemoryFiles;
import dev.ccui.adapters.process.workspace.git.GitCliClient;
import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.mcp.McpServersService;
import dev.ccui.application.memory.UserMemoryService;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.workspace.git.CommitMessageService;
import dev.ccui.bootstrap.config.ClaudeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes through the CLI beside runs, one short call each: a user's MCP servers, and the commit message
 * Claude writes for a staged diff.
 */
public final class CliConfigComponents {
    /** A health check of a server that never answers must not hold a request for ever. */
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final McpServersService mcp;
    private final CommitMessageService commitMessages;
    private final UserMemoryService memory;

    private CliConfigComponents(McpServersService mcp, CommitMessageService commitMessages, UserMemoryService memory) {
        this.mcp = mcp;
        this.commitMessages = commitMessages;
        this.memory = memory;
    }

    /**
     * @param environment the app's configured variables, filtered for the CLI as for runs
     * @param dataDir     holds each account's CLI configuration ({@link Sandboxing#userCliConfigRoot})
     */
    public static CliConfigComponents build(
            ClaudeConfig claude,
            Map<String, String> environment,
            ProcessSandbox sandbox,
            ProjectAccess access,
            Auditor auditor,
            Path dataDir) {
        var cliEnvironment = new HashMap<>(environment);
        // Without the sandbox this is the machine user's own configuration; with it, each account's (see
        // BubblewrapSandbox).
        cliEnvironment.put("CLAUDE_CONFIG_DIR", claude.configDir().toString());
        var cli = new OneShotCli(claude.cliPath(), cliEnvironment, sandbox, CLI_TIMEOUT);
        return new CliConfigComponents(
                new McpServersService(access, new CliMcpServers(cli), auditor),
                new CommitMessageService(
                        access, new GitCliClient(GitRunner.sandboxed(sandbox)), new CliCommitMessageWriter(cli)),
                new UserMemoryService(
                        new CliConfigMemoryFiles(Sandboxing.userCliConfigRoot(dataDir)), auditor, sandbox.isolates()));
    }

    public List<RouteGroup> routes() {
        return List.of(new McpRoutes(mcp), new CommitMessageRoutes(commitMessages), new MemoryRoutes(memory));
    }
}
