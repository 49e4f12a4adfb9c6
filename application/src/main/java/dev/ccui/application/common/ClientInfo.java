package dev.ccui.application.common;

/** Where a request came from, for the audit log and per-client limits. */
public record ClientInfo(String ip, String userAgent) {
    public static final ClientInfo INTERNAL = new ClientInfo("local", "ccui");

    public ClientInfo {
        ip = ip == null ? "unknown" : ip;
        userAgent = userAgent == null ? "" : userAgent;
    }
}
