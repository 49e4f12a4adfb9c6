package dev.ccui.adapters.http.metrics;

import java.util.function.Function;

/**
 * Where a trace of each HTTP request goes (OpenTelemetry, when bootstrap configures it). Gets
 * only what a span may carry: method, path without the query (it can hold a WebSocket ticket),
 * route template, status, request id and user id; never headers other than the trace context.
 */
public interface RequestTracing {
    RequestTracing OFF = new RequestTracing() {
        @Override
        public Object start(String method, String path, String requestId, Function<String, String> header) {
            return null;
        }

        @Override
        public void end(Object started, String route, int status, String userId) {}
    };

    /**
     * Called first for every request, on its thread.
     *
     * @param header reads a request header (for {@code traceparent}/{@code tracestate})
     * @return what {@link #end} needs, or null when nothing is traced
     */
    Object start(String method, String path, String requestId, Function<String, String> header);

    /** Called last for every request that {@link #start} returned a value for. */
    void end(Object started, String route, int status, String userId);
}
