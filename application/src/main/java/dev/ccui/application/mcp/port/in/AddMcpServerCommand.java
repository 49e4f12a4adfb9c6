package dev.ccui.application.mcp.port.in;

import dev.ccui.domain.mcp.McpScope;
import dev.ccui.domain.mcp.McpServerName;
import dev.ccui.domain.mcp.McpServerSpec;
import dev.ccui.domain.mcp.McpTransport;
import java.util.List;
import java.util.Map;

/**
 * A server to add, as the request gave it: checked by {@link #toSpec()} only once the caller is known to
 * may use the project, so a stranger learns nothing from a validation message.
 *
 * @param scope     {@code local} (default), {@code project} or {@code user}
 * @param transport {@code stdio} (default when a command is given), {@code http} or {@code sse}
 */
public record AddMcpServerCommand(
        String name,
        String scope,
        String transport,
        String command,
        List<String> args,
        Map<String, String> env,
        String url,
        Map<String, String> headers) {

    public McpServerSpec toSpec() {
        McpTransport type = transport == null
                ? (url != null && command == null ? McpTransport.HTTP : McpTransport.STDIO)
                : McpTransport.parse(transport);
        return new McpServerSpec(
                new McpServerName(name),
                scope == null ? McpScope.LOCAL : McpScope.parse("scope", scope),
                type,
                command,
                args,
                env,
                url,
                headers);
    }
}
