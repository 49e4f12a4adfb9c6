package dev.ccui.bootstrap.telemetry;

import dev.ccui.adapters.http.metrics.RequestTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * One SERVER span per HTTP request, child of the caller's {@code traceparent} when it sends one.
 * Current while the request runs (so statement spans nest under it) and named in the MDC, so
 * every JSON log line of the request carries {@code trace_id} and {@code span_id}.
 */
final class OtelRequestTracing implements RequestTracing {
    static final String MDC_TRACE = "trace_id";
    static final String MDC_SPAN = "span_id";
    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private final Tracer tracer;

    OtelRequestTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    private record Started(Span span, Scope scope, Thread thread, String method) {}

    @Override
    public Object start(String method, String path, String requestId, Function<String, String> header) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), header, HEADERS);
        Span span = tracer.spanBuilder(method)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", path)
                .setAttribute("ccui.request_id", requestId)
                .startSpan();
        Scope scope = parent.with(span).makeCurrent();
        MDC.put(MDC_TRACE, span.getSpanContext().getTraceId());
        MDC.put(MDC_SPAN, span.getSpanContext().getSpanId());
        return new Started(span, scope, Thread.currentThread(), method);
    }

    @Override
    public void end(Object started, String route, int status, String userId) {
        Started s = (Started) started;
        s.span().updateName(s.method() + " " + route);
        s.span().setAttribute("http.route", route);
        s.span().setAttribute("http.response.status_code", status);
        if (userId != null) {
            s.span().setAttribute("enduser.id", userId);
        }
        if (status >= 500) {
            s.span().setStatus(StatusCode.ERROR);
        }
        s.span().end();
        if (s.thread() == Thread.currentThread()) {
            s.scope().close();
            MDC.remove(MDC_TRACE);
            MDC.remove(MDC_SPAN);
        }
    }
}
