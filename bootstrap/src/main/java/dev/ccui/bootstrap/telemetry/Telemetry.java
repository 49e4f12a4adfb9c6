package dev.ccui.bootstrap.telemetry;

import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.bootstrap.Version;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenTelemetry export over OTLP/HTTP, the path Datadog Agent, New Relic, Grafana Cloud,
 * Honeycomb and the OpenTelemetry Collector all accept. Off unless {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (or a per-signal endpoint) is set; the standard {@code OTEL_*} variables configure the rest
 * ({@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_EXPORTER_OTLP_HEADERS},
 * {@code OTEL_TRACES_SAMPLER}, {@code OTEL_BSP_*}, {@code OTEL_METRIC_EXPORT_INTERVAL},
 * {@code OTEL_TRACES_EXPORTER=none} / {@code OTEL_METRICS_EXPORTER=none}, {@code OTEL_SDK_DISABLED}).
 * Metrics: every Micrometer meter of /metrics, through Micrometer's OTLP registry. Traces: one
 * server span per HTTP request (with the database statements it ran as children), the trace and
 * span ids in the log lines' MDC ({@code trace_id}, {@code span_id}).
 */
public final class Telemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final OpenTelemetrySdk sdk;
    private final OtlpMeterRegistry otlpMetrics;
    private final Tracer tracer;

    private Telemetry(OpenTelemetrySdk sdk, OtlpMeterRegistry otlpMetrics) {
        this.sdk = sdk;
        this.otlpMetrics = otlpMetrics;
        this.tracer = sdk == null ? null : sdk.getTracer("dev.ccui", Version.current());
    }

    /** Empty when no OTLP endpoint is configured (the default) or OTEL_SDK_DISABLED=true. */
    public static Optional<Telemetry> start(Map<String, String> env, HttpMetrics metrics) {
        boolean configured = set(env, "OTEL_EXPORTER_OTLP_ENDPOINT")
                || set(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                || set(env, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        if (!configured
                || "true"
                        .equalsIgnoreCase(
                                env.getOrDefault("OTEL_SDK_DISABLED", "false").strip())) {
            return Optional.empty();
        }
        OpenTelemetrySdk sdk = null;
        if (!"none"
                .equalsIgnoreCase(
                        env.getOrDefault("OTEL_TRACES_EXPORTER", "otlp").strip())) {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> properties(env))
                    // Metrics go through Micrometer (below) and logs through the log files: the SDK only traces.
                    .addPropertiesCustomizer(p -> Map.of("otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        }
        OtlpMeterRegistry otlp = null;
        if (!"none"
                .equalsIgnoreCase(
                        env.getOrDefault("OTEL_METRICS_EXPORTER", "otlp").strip())) {
            otlp = new OtlpMeterRegistry(micrometerConfig(env), Clock.SYSTEM);
            metrics.exportTo(otlp);
        }
        Telemetry telemetry = new Telemetry(sdk, otlp);
        if (sdk != null) {
            metrics.trace(new OtelRequestTracing(telemetry.tracer));
        }
        LOG.info(
                "OpenTelemetry export on: traces {}, metrics {} (OTLP/HTTP)",
                sdk != null ? "on" : "off",
                otlp != null ? "on" : "off");
        return Optional.of(telemetry);
    }

    /** The tracer for statement spans; null when traces are off. */
    public Tracer tracer() {
        return tracer;
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    /** OTEL_FOO_BAR from the app's environment as otel.foo.bar, over our defaults (OTLP/HTTP, service ccui). */
    static Map<String, String> properties(Map<String, String> env) {
        Map<String, String> p = new HashMap<>();
        p.put("otel.service.name", "ccui");
        p.put("otel.exporter.otlp.protocol", "http/protobuf");
        p.put("otel.traces.exporter", "otlp");
        env.forEach((name, value) -> {
            if (name.startsWith("OTEL_") && value != null && !value.isBlank()) {
                p.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value.strip());
            }
        });
        return p;
    }

    /** Micrometer's OTLP settings from the same OTEL_* variables (read from the app's environment map). */
    private static OtlpConfig micrometerConfig(Map<String, String> env) {
        return new OtlpConfig() {
            @Override
            public String get(String key) {
                if (key.equals("otlp.step") && set(env, "OTEL_METRIC_EXPORT_INTERVAL")) {
                    return env.get("OTEL_METRIC_EXPORT_INTERVAL").strip() + "ms";
                }
                return null;
            }

            @Override
            public String url() {
                if (set(env, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")) {
                    return env.get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT").strip();
                }
                String base = env.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")
                        .strip();
                return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/metrics";
            }

            @Override
            public Map<String, String> headers() {
                Map<String, String> headers = pairs(env.get("OTEL_EXPORTER_OTLP_HEADERS"));
                headers.putAll(pairs(env.get("OTEL_EXPORTER_OTLP_METRICS_HEADERS")));
                return headers;
            }

            @Override
            public Map<String, String> resourceAttributes() {
                Map<String, String> attributes = pairs(env.get("OTEL_RESOURCE_ATTRIBUTES"));
                attributes.put(
                        "service.name",
                        set(env, "OTEL_SERVICE_NAME")
                                ? env.get("OTEL_SERVICE_NAME").strip()
                                : attributes.getOrDefault("service.name", "ccui"));
                return attributes;
            }
        };
    }

    /** {@code k1=v1,k2=v2} (values URL-encoded, as the OTel spec has it). */
    static Map<String, String> pairs(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        pair.substring(0, eq).strip(),
                        URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (otlpMetrics != null) {
            otlpMetrics.close(); // publishes the last step
        }
        if (sdk != null) {
            sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
            sdk.close();
        }
    }
}
