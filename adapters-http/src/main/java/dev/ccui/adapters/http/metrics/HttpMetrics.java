package dev.ccui.adapters.http.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's meters (Micrometer, scraped as Prometheus text): HTTP requests by route and
 * status with latency histograms, the JVM and process, plus the gauges other parts register.
 */
public final class HttpMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rateLimited;
    private final Counter loginFailures;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public HttpMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        rateLimited = Counter.builder("ccui.rate.limit.rejections").description("requests refused by a rate limit")
                .register(registry);
        loginFailures = Counter.builder("ccui.login.failures").description("failed sign-in attempts").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Registers a gauge read when scraped (open WebSockets, index size, active runs, …). */
    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void loginFailed() {
        loginFailures.increment();
    }

    /** One finished request, tagged by its route template (never the raw path: unbounded tag values). */
    public void request(Context ctx, String route, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    public String scrape() {
        return registry.scrape();
    }
}
