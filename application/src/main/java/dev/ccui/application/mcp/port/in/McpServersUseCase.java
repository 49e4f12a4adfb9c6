package dev.ccui.application.mcp.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerSpec;
import dev.ccui.domain.project.ProjectId;
import java.util.List;

/**
 * The MCP servers the CLI sees in a project for the caller (their own user and local scopes, the project's
 * {@code .mcp.json}), added and removed through the CLI itself so its files stay the truth.
 */
public interface McpServersUseCase {
    List<McpServer> list(Principal caller, ProjectId projectId);

    /** Answers the server as added: its name and scope. */
    McpServerSpec add(Principal caller, ProjectId projectId, AddMcpServerCommand command, ClientInfo client);

    /** {@code scope} null: wherever the CLI finds it (409 when in several). */
    void remove(Principal caller, ProjectId projectId, String name, String scope, ClientInfo client);
}
