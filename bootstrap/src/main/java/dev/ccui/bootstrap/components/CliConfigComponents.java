package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.mcp.McpRoutes;
import dev.ccui.adapters.process.claude.OneShotCli;
import dev.ccui.adapters.process.mcp.CliMcpServers;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.mcp.McpServersService;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.bootstrap.config.ClaudeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a user configures of the CLI itself, through the CLI: MCP servers. */
public final class CliConfigComponents {
    /** A health check of a server that never answers must not hold a request for ever. */
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final McpServersService mcp;
    private final OneShotCli cli;

    private CliConfigComponents(McpServersService mcp, OneShotCli cli) {
        this.mcp = mcp;
        this.cli = cli;
    }

    /** @param environment the app's configured variables, filtered for the CLI as for runs */
    public static CliConfigComponents build(
            ClaudeConfig claude,
            Map<String, String> environment,
            ProcessSandbox sandbox,
            ProjectAccess access,
            Auditor auditor) {
        var cliEnvironment = new HashMap<>(environment);
        // Without the sandbox this is the machine user's own configuration; with it, each account's (see
        // BubblewrapSandbox).
        cliEnvironment.put("CLAUDE_CONFIG_DIR", claude.configDir().toString());
        var cli = new OneShotCli(claude.cliPath(), cliEnvironment, sandbox, CLI_TIMEOUT);
        return new CliConfigComponents(new McpServersService(access, new CliMcpServers(cli), auditor), cli);
    }

    /** The one-shot CLI, with the same environment and credentials as runs. */
    public OneShotCli cli() {
        return cli;
    }

    public List<RouteGroup> routes() {
        return List.of(new McpRoutes(mcp));
    }
}
