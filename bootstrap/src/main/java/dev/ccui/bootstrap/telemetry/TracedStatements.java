package dev.ccui.bootstrap.telemetry;

import dev.ccui.adapters.persistence.db.SlowQueryLogger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.time.Instant;

/**
 * The statement figures (metrics, slow-query log) plus, inside a traced request, one CLIENT span
 * per statement named by its verb and table ({@code SELECT users}: the SQL's shape, never values).
 * Statements outside a request (indexer, housekeeping) make no spans: they would be lone roots.
 */
public final class TracedStatements implements SlowQueryLogger.Listener {
    private final SlowQueryLogger.Listener metrics;
    private final Tracer tracer;
    private final String system;

    public TracedStatements(SlowQueryLogger.Listener metrics, Tracer tracer, String system) {
        this.metrics = metrics;
        this.tracer = tracer;
        this.system = system;
    }

    @Override
    public void executed(Duration took) {
        metrics.executed(took);
    }

    @Override
    public void slow(String statement, Duration took) {
        metrics.slow(statement, took);
    }

    @Override
    public boolean tracesStatements() {
        return true;
    }

    @Override
    public void statement(String operation, Instant start, Instant end, boolean failed) {
        if (!Span.current().getSpanContext().isValid()) {
            return;
        }
        int space = operation.indexOf(' ');
        Span span = tracer.spanBuilder(operation)
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(start)
                .setAttribute("db.system.name", system)
                .setAttribute("db.operation.name", space < 0 ? operation : operation.substring(0, space))
                .startSpan();
        if (space > 0) {
            span.setAttribute("db.collection.name", operation.substring(space + 1));
        }
        if (failed) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end(end);
    }
}
