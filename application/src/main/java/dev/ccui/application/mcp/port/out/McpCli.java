package dev.ccui.application.mcp.port.out;

import dev.ccui.domain.mcp.McpScope;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerName;
import dev.ccui.domain.mcp.McpServerSpec;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code claude mcp list|get|add-json|remove} in a project folder, with that user's CLI configuration.
 * Failures the user can act on are {@code ConflictException}/{@code NotFoundException} with the CLI's reason.
 */
public interface McpCli {
    List<McpServer> list(Path project, UserId user);

    void add(Path project, UserId user, McpServerSpec spec);

    void remove(Path project, UserId user, McpServerName name, McpScope scope);
}
