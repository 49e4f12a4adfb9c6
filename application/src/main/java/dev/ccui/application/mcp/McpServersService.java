package dev.ccui.application.mcp;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.mcp.port.in.AddMcpServerCommand;
import dev.ccui.application.mcp.port.in.McpServersUseCase;
import dev.ccui.application.mcp.port.out.McpCli;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.mcp.McpScope;
import dev.ccui.domain.mcp.McpServer;
import dev.ccui.domain.mcp.McpServerName;
import dev.ccui.domain.mcp.McpServerSpec;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import java.nio.file.Path;
import java.util.List;

/**
 * Whoever may use a project's workspace may manage its MCP servers: a project-scope server is a write to
 * its {@code .mcp.json} (a file any such user may write), user and local scope change only the caller's
 * own CLI configuration. Audited without the server's environment or headers.
 */
public final class McpServersService implements McpServersUseCase {
    private final ProjectAccess access;
    private final McpCli cli;
    private final Auditor auditor;

    public McpServersService(ProjectAccess access, McpCli cli, Auditor auditor) {
        this.access = access;
        this.cli = cli;
        this.auditor = auditor;
    }

    @Override
    public List<McpServer> list(Principal caller, ProjectId projectId) {
        Project project = access.requireWorkspace(caller, projectId);
        return cli.list(Path.of(project.path()), caller.userId());
    }

    @Override
    public McpServerSpec add(Principal caller, ProjectId projectId, AddMcpServerCommand command, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        McpServerSpec spec = command.toSpec();
        cli.add(Path.of(project.path()), caller.userId(), spec);
        auditor.record(
                AuditAction.MCP_SERVER_ADDED,
                caller,
                project.path(),
                client,
                true,
                spec.name().value() + " (" + spec.scope().cliName() + ", "
                        + spec.transport().cliName() + ")");
        return spec;
    }

    @Override
    public void remove(Principal caller, ProjectId projectId, String nameText, String scopeText, ClientInfo client) {
        Project project = access.requireWorkspace(caller, projectId);
        McpServerName name = new McpServerName(nameText);
        McpScope scope = scopeText == null || scopeText.isEmpty() ? null : McpScope.parse("scope", scopeText);
        cli.remove(Path.of(project.path()), caller.userId(), name, scope);
        auditor.record(
                AuditAction.MCP_SERVER_REMOVED,
                caller,
                project.path(),
                client,
                true,
                name.value() + (scope == null ? "" : " (" + scope.cliName() + ")"));
    }
}
