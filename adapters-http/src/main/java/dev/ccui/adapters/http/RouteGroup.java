package dev.ccui.adapters.http;

import io.javalin.config.RoutesConfig;

/**
 * The routes of one feature, registered by {@link HttpServer} after its filters. Each group gets
 * its in-ports (and whatever it needs of the {@link HttpEdge}) when it is made, so the server knows
 * no feature's use cases.
 */
public interface RouteGroup {
    void register(RoutesConfig routes);

    /** The group's routes whose bodies are not JSON or larger than the usual limit. */
    default java.util.List<BodyRule> bodyRules() {
        return java.util.List.of();
    }

    /** Ends what the group holds open beyond a request (streams) before the server stops. */
    default void stop() {}

    /** WebSockets the group has open on this node (the {@code ccui.websockets.open} gauge). */
    default int openSockets() {
        return 0;
    }
}
