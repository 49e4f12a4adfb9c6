package dev.ccui.domain.mcp;

import dev.ccui.domain.error.InvalidException;
import java.util.Locale;

/** How the CLI talks to a server: a command it starts (stdio) or a URL (HTTP, SSE). */
public enum McpTransport {
    STDIO,
    HTTP,
    SSE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static McpTransport parse(String text) {
        for (McpTransport transport : values()) {
            if (transport.cliName().equals(text)) {
                return transport;
            }
        }
        throw new InvalidException("transport", "transport must be stdio, http or sse");
    }
}
