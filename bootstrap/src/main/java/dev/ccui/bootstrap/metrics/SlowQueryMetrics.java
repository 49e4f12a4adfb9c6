package dev.ccui.bootstrap.metrics;

import dev.ccui.adapters.persistence.db.SlowQueryLogger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Database statement figures for /metrics: {@code ccui_db_queries_seconds} (every statement) and
 * {@code ccui_db_slow_queries_total{statement}} (those over CCUI_SLOW_QUERY_MS, by repository
 * method: a bounded set of names, as they come from code, not from data).
 */
public final class SlowQueryMetrics implements SlowQueryLogger.Listener {
    private final MeterRegistry registry;
    private final Timer queries;

    public SlowQueryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queries = Timer.builder("ccui.db.queries")
                .description("database statements run by the app")
                .register(registry);
    }

    @Override
    public void executed(Duration took) {
        queries.record(took);
    }

    @Override
    public void slow(String statement, Duration took) {
        Counter.builder("ccui.db.slow.queries")
                .description("statements slower than CCUI_SLOW_QUERY_MS")
                .tag("statement", statement)
                .register(registry)
                .increment();
    }
}
