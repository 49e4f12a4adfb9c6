package dev.ccui.adapters.process.sandbox;

import java.util.Locale;

/**
 * {@code CCUI_SANDBOX_NETWORK}. {@code pasta}: each sandbox has its own network namespace that
 * {@code pasta} connects to the outside; the app machine's loopback (PostgreSQL, Redis, the app)
 * is not reachable, except the loopback ports named for the Messages API. {@code host}: the
 * machine's network as it is, loopback included (when pasta is not available).
 */
public enum SandboxNetwork {
    PASTA,
    HOST;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
