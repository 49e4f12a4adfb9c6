package dev.ccui.adapters.http.metrics;

import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.adapters.http.security.RequestIds;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's meters (Micrometer, scraped as Prometheus text): HTTP requests by route and
 * status with latency histograms, the JVM and process, plus the gauges other parts register.
 */
public final class HttpMetrics {
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Every meter is registered here once and reaches /metrics (Prometheus) and, when configured,
    // an OTLP exporter too (see exportTo).
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private static final String TRACE_ATTRIBUTE = "ccui.trace";
    private volatile RequestTracing tracing = RequestTracing.OFF;
    /**
     * The request timers by method, route template and status: bounded (routes are templates), and
     * looked up here instead of built and registered again on every request.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {}

    private final Counter rateLimited;
    private final Counter loginFailures;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final String scrapeToken;
    /** {@code METRICS_TOKEN_PREVIOUS}: still accepted while scrapers move to the new token. */
    private final String previousScrapeToken;

    public HttpMetrics() {
        this(null);
    }

    /** @param scrapeToken {@code METRICS_TOKEN}: a bearer token that may read {@code /metrics} without an account */
    public HttpMetrics(String scrapeToken) {
        this(scrapeToken, null);
    }

    public HttpMetrics(String scrapeToken, String previousScrapeToken) {
        this.scrapeToken = scrapeToken == null || scrapeToken.isBlank() ? null : scrapeToken;
        this.previousScrapeToken =
                this.scrapeToken == null || previousScrapeToken == null || previousScrapeToken.isBlank()
                        ? null
                        : previousScrapeToken;
        registry.add(prometheus);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        rateLimited = Counter.builder("ccui.rate.limit.rejections")
                .description("requests refused by a rate limit")
                .register(registry);
        loginFailures = Counter.builder("ccui.login.failures")
                .description("failed sign-in attempts")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Sends every meter, those registered already included, to {@code other} as well (e.g. an OTLP registry). */
    public void exportTo(MeterRegistry other) {
        registry.add(other);
    }

    /** Traces each request from now on (OpenTelemetry); {@link RequestTracing#OFF} by default. */
    public void trace(RequestTracing requestTracing) {
        this.tracing = requestTracing;
    }

    /** First thing for every request: opens its trace span, if tracing is on. */
    public void requestStarted(Context ctx) {
        Object started = tracing.start(ctx.method().name(), ctx.path(), RequestIds.current(ctx), ctx::header);
        if (started != null) {
            ctx.attribute(TRACE_ATTRIBUTE, started);
        }
    }

    /** Registers a gauge read when scraped (open WebSockets, index size, active runs, …). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void loginFailed() {
        loginFailures.increment();
    }

    /** One finished request, tagged by its route template (never the raw path: unbounded tag values). */
    public void request(Context ctx, String route, float millis) {
        String method = ctx.method().name();
        int status = ctx.statusCode();
        timers.computeIfAbsent(
                        new TimerKey(method, route, status),
                        key -> Timer.builder("http.server.requests")
                                .description("HTTP requests by route and status")
                                .tags("method", method, "route", route, "status", Integer.toString(status))
                                .publishPercentileHistogram()
                                .publishPercentiles(0.5, 0.95, 0.99)
                                .serviceLevelObjectives(
                                        Duration.ofMillis(5),
                                        Duration.ofMillis(20),
                                        Duration.ofMillis(100),
                                        Duration.ofSeconds(1))
                                .register(registry))
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        Object started = ctx.attribute(TRACE_ATTRIBUTE);
        if (started != null) {
            tracing.end(
                    started,
                    route,
                    ctx.statusCode(),
                    Authentication.principal(ctx)
                            .map(p -> p.userId().toString())
                            .orElse(null));
        }
    }

    public String scrape() {
        return prometheus.scrape();
    }

    /** Whether the presented bearer token is the configured scrape token (compared in constant time). */
    public boolean isScrapeToken(String presented) {
        return matches(scrapeToken, presented) | matches(previousScrapeToken, presented);
    }

    private static boolean matches(String expected, String presented) {
        return expected != null
                && presented != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON-friendly summary for the admin UI: process, JVM, HTTP by route, and every ccui gauge and counter. */
    public Map<String, Object> summary() {
        var out = new LinkedHashMap<String, Object>();
        var memory = ManagementFactory.getMemoryMXBean();
        var runtime = ManagementFactory.getRuntimeMXBean();
        out.put("uptimeSeconds", runtime.getUptime() / 1000);
        out.put(
                "memory",
                Map.of(
                        "heapUsedBytes", memory.getHeapMemoryUsage().getUsed(),
                        "heapMaxBytes", memory.getHeapMemoryUsage().getMax(),
                        "nonHeapUsedBytes", memory.getNonHeapMemoryUsage().getUsed()));
        out.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        double cpu = registry.find("process.cpu.usage").gauge() == null
                ? -1
                : registry.find("process.cpu.usage").gauge().value();
        out.put("processCpu", cpu);
        var routes = new ArrayList<Map<String, Object>>();
        for (Timer timer : registry.find("http.server.requests").timers()) {
            var snapshot = timer.takeSnapshot();
            var row = new LinkedHashMap<String, Object>();
            row.put("method", timer.getId().getTag("method"));
            row.put("route", timer.getId().getTag("route"));
            row.put("status", timer.getId().getTag("status"));
            row.put("count", snapshot.count());
            for (var p : snapshot.percentileValues()) {
                row.put("p" + Math.round(p.percentile() * 100) + "Ms", p.value(TimeUnit.MILLISECONDS));
            }
            routes.add(row);
        }
        out.put("http", routes);
        var app = new TreeMap<String, Object>();
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("ccui."))
                .forEach(m -> {
                    double value = 0;
                    for (var measurement : m.measure()) {
                        value = measurement.getValue();
                    }
                    app.put(m.getId().getName(), value);
                });
        out.put("app", app);
        return out;
    }
}
