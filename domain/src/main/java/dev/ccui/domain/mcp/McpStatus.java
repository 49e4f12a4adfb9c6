package dev.ccui.domain.mcp;

import java.util.Locale;

/** A server's health as the CLI's own check reports it. */
public enum McpStatus {
    CONNECTED,
    /** Connected, but listing its tools failed. */
    DEGRADED,
    NEEDS_AUTH,
    FAILED,
    /** A project ({@code .mcp.json}) server nobody approved yet: the CLI does not start it. */
    PENDING_APPROVAL,
    REJECTED,
    DISABLED,
    NOT_CONFIGURED,
    UNKNOWN;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
