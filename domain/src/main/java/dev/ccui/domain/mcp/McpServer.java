package dev.ccui.domain.mcp;

import java.util.List;
import java.util.Objects;

/**
 * One configured server as the CLI shows it. The values of its environment variables and headers are
 * secrets the user typed: only their names are kept.
 *
 * @param scope      {@code null} when the CLI did not say
 * @param type       the CLI's transport name ({@code stdio}, {@code http}, {@code sse}, {@code ws}, …)
 * @param command    stdio: the program; {@code null} otherwise
 * @param url        HTTP/SSE: where it is, without user info; {@code null} for stdio
 * @param statusText the CLI's own words for the status
 * @param issue      why it failed, when the CLI says; {@code null} otherwise
 */
public record McpServer(
        McpServerName name,
        McpScope scope,
        String type,
        String command,
        List<String> args,
        List<String> envNames,
        String url,
        List<String> headerNames,
        McpStatus status,
        String statusText,
        String issue) {
    public McpServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        args = List.copyOf(args);
        envNames = List.copyOf(envNames);
        headerNames = List.copyOf(headerNames);
    }
}
