package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * OTLP/HTTP export as a collector receives it: a receiver on loopback decodes the real protobuf
 * messages (opentelemetry-proto) the app posts to /v1/traces and /v1/metrics.
 */
class OpenTelemetryIT {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    @TempDir
    Path folder;

    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final Set<String> metricNames = ConcurrentHashMap.newKeySet();
    private final Set<String> services = ConcurrentHashMap.newKeySet();

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private HttpServer receiver() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
            request.getResourceSpansList().forEach(rs -> {
                services.add(attribute(rs.getResource().getAttributesList(), "service.name"));
                rs.getScopeSpansList().forEach(ss -> spans.addAll(ss.getSpansList()));
            });
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/v1/metrics", exchange -> {
            ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body(exchange));
            request.getResourceMetricsList().forEach(rm -> {
                services.add(attribute(rm.getResource().getAttributesList(), "service.name"));
                rm.getScopeMetricsList().forEach(sm -> sm.getMetricsList().forEach(m -> metricNames.add(m.getName())));
            });
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream()
                .filter(a -> a.getKey().equals(key))
                .findFirst()
                .map(a -> a.getValue().hasIntValue()
                        ? Long.toString(a.getValue().getIntValue())
                        : a.getValue().getStringValue())
                .orElse(null);
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void requestSpansWithTheirStatementsAndEveryMeterReachAnOtlpReceiver() throws Exception {
        HttpServer receiver = receiver();
        // The MDC must be read while the line is logged (a plain ListAppender reads it later, when it is gone).
        ListAppender<ILoggingEvent> access = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        };
        access.start();
        Logger accessLogger = (Logger) LoggerFactory.getLogger("ccui.access");
        accessLogger.addAppender(access);
        ch.qos.logback.classic.Level quiet =
                accessLogger.getLevel(); // logback-test.xml keeps access lines out of test output
        accessLogger.setLevel(ch.qos.logback.classic.Level.INFO);
        try (var app = TestApplication.sqlite(
                        folder,
                        Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT",
                                        "http://127.0.0.1:"
                                                + receiver.getAddress().getPort(),
                                "OTEL_SERVICE_NAME", "ccui-it",
                                "OTEL_BSP_SCHEDULE_DELAY", "100",
                                "OTEL_METRIC_EXPORT_INTERVAL", "500"));
                HttpClient http = HttpClient.newHttpClient()) {
            String base = app.startHttp();
            HttpResponse<String> setup = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/auth/setup"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"admin\",\"password\":\"admin password 1\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode admin = ApiClient.json(setup);
            String token = admin.get("token").asText();
            String adminId = admin.at("/user/id").asText();

            // A caller that is itself traced (a gateway, a script with OTel) sends its traceparent.
            HttpResponse<String> projects = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/projects?limit=5"))
                            .header("Authorization", "Bearer " + token)
                            .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);
            String requestId = projects.headers().firstValue("X-Request-Id").orElseThrow();

            await(
                    "the request's span at the receiver",
                    () -> spans.stream().anyMatch(s -> s.getName().equals("GET /api/projects")));
            Span server = spans.stream()
                    .filter(s -> s.getName().equals("GET /api/projects"))
                    .findFirst()
                    .orElseThrow();
            assertThat(hex(server.getTraceId())).isEqualTo(TRACE_ID);
            assertThat(hex(server.getParentSpanId())).isEqualTo(CALLER_SPAN);
            assertThat(server.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(attribute(server.getAttributesList(), "http.route")).isEqualTo("/api/projects");
            assertThat(attribute(server.getAttributesList(), "http.response.status_code"))
                    .isEqualTo("200");
            assertThat(attribute(server.getAttributesList(), "url.path")).isEqualTo("/api/projects"); // no query string
            assertThat(attribute(server.getAttributesList(), "ccui.request_id")).isEqualTo(requestId);
            assertThat(attribute(server.getAttributesList(), "enduser.id")).isEqualTo(adminId);
            String serverSpanId = hex(server.getSpanId());

            List<Span> statements = spans.stream()
                    .filter(s -> hex(s.getParentSpanId()).equals(serverSpanId))
                    .toList();
            assertThat(statements)
                    .as("the database statements of the request, as its children")
                    .isNotEmpty()
                    .allSatisfy(s -> {
                        assertThat(s.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                        assertThat(s.getName()).matches("(SELECT|INSERT|UPDATE|DELETE|WITH)( \\S+)?");
                        assertThat(attribute(s.getAttributesList(), "db.system.name"))
                                .isEqualTo("sqlite");
                        assertThat(s.getStartTimeUnixNano())
                                .isBetween(server.getStartTimeUnixNano(), server.getEndTimeUnixNano());
                    });
            // Never a secret in a span: not the bearer token, not the password.
            assertThat(spans)
                    .allSatisfy(
                            s -> assertThat(s.toString()).doesNotContain(token).doesNotContain("admin password 1"));

            // The JSON log line of the request names the same trace and span.
            ILoggingEvent line = access.list.stream()
                    .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
                    .findFirst()
                    .orElseThrow();
            LogstashEncoder json = new LogstashEncoder();
            json.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            json.start();
            String jsonLine = new String(json.encode(line), StandardCharsets.UTF_8).strip();
            assertThat(ApiClient.json(jsonLine).get("trace_id").asText()).isEqualTo(TRACE_ID);
            assertThat(ApiClient.json(jsonLine).get("span_id").asText()).isEqualTo(serverSpanId);

            await(
                    "metrics at the receiver",
                    () -> metricNames.containsAll(
                            List.of("http.server.requests", "jvm.memory.used", "ccui.db.queries", "ccui.runs.active")));
            assertThat(services).containsOnly("ccui-it");

            StringBuilder trace = new StringBuilder("trace " + TRACE_ID + " as the OTLP receiver decoded it:\n");
            spans.stream()
                    .filter(s -> hex(s.getTraceId()).equals(TRACE_ID))
                    .sorted(Comparator.comparingLong(Span::getStartTimeUnixNano))
                    .forEach(s -> trace.append(String.format(
                            Locale.ROOT,
                            "  %-28s %-17s span %s parent %s %8.3f ms%n",
                            s.getName(),
                            s.getKind(),
                            hex(s.getSpanId()),
                            hex(s.getParentSpanId()),
                            (s.getEndTimeUnixNano() - s.getStartTimeUnixNano()) / 1e6)));
            trace.append("log line: ").append(jsonLine).append('\n');
            trace.append("metrics received (")
                    .append(metricNames.size())
                    .append("): ")
                    .append(new TreeSet<>(metricNames));
            figure(trace.toString());
        } finally {
            accessLogger.detachAppender(access);
            accessLogger.setLevel(quiet);
            receiver.stop(0);
        }
    }

    @Test
    @Timeout(180)
    void aClaudeRunIsOneSpanFromItsFirstEventToRunEnded() throws Exception {
        HttpServer receiver = receiver();
        Path base = folder.toRealPath();
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        try (var api = new FakeMessagesApi()) {
            Map<String, String> env = new HashMap<>();
            env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
            env.put("CCUI_WORKSPACES_ROOT", base.resolve("work").toString());
            env.put("PATH", System.getenv("PATH"));
            env.put("LANG", "C.UTF-8");
            env.put("CLAUDE_CODE_TMPDIR", tmp.toString());
            env.put("TMPDIR", tmp.toString());
            env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
            env.put(
                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://127.0.0.1:" + receiver.getAddress().getPort());
            env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
            env.put("OTEL_METRICS_EXPORTER", "none");
            try (var app = TestApplication.sqlite(base, env)) {
                ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
                String projectId = ApiClient.json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                        .get("id")
                        .asText();
                var started = admin.post(
                        "/api/runs",
                        "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hello there\",\"clientMessageId\":\""
                                + UUID.randomUUID() + "\"}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                String runId = ApiClient.json(started).get("runId").asText();

                await(
                        "the run's span at the receiver",
                        () -> spans.stream().anyMatch(s -> s.getName().equals("claude run")));
                Span run = spans.stream()
                        .filter(s -> s.getName().equals("claude run"))
                        .findFirst()
                        .orElseThrow();
                assertThat(attribute(run.getAttributesList(), "ccui.run_id")).isEqualTo(runId);
                assertThat(attribute(run.getAttributesList(), "ccui.end_reason"))
                        .isEqualTo("completed");
                assertThat(attribute(run.getAttributesList(), "gen_ai.request.model"))
                        .isNotBlank();
                assertThat(Long.parseLong(attribute(run.getAttributesList(), "gen_ai.usage.output_tokens")))
                        .isPositive();
                assertThat(run.getEventsList()).extracting(Span.Event::getName).contains("result");
                assertThat(run.toString()).doesNotContain("hello there"); // never the prompt
                Span post = spans.stream()
                        .filter(s -> s.getName().equals("POST /api/runs"))
                        .findFirst()
                        .orElseThrow();
                assertThat(attribute(post.getAttributesList(), "http.response.status_code"))
                        .isEqualTo("202");

                StringBuilder shown = new StringBuilder("a run as the OTLP receiver decoded it:\n");
                for (Span s : List.of(post, run)) {
                    shown.append(String.format(
                            Locale.ROOT,
                            "  %-16s trace %s %9.1f ms %s%n",
                            s.getName(),
                            hex(s.getTraceId()),
                            (s.getEndTimeUnixNano() - s.getStartTimeUnixNano()) / 1e6,
                            s.getAttributesList().stream()
                                    .map(a -> a.getKey() + "="
                                            + (a.getValue().hasIntValue()
                                                    ? Long.toString(a.getValue().getIntValue())
                                                    : a.getValue().getStringValue()))
                                    .toList()));
                }
                run.getEventsList()
                        .forEach(ev -> shown.append("    event ")
                                .append(ev.getName())
                                .append(" +")
                                .append(String.format(
                                        Locale.ROOT, "%.1f", (ev.getTimeUnixNano() - run.getStartTimeUnixNano()) / 1e6))
                                .append(" ms ")
                                .append(ev.getAttributesList().stream()
                                        .map(a ->
                                                a.getKey() + "=" + a.getValue().getStringValue())
                                        .toList())
                                .append('\n'));
                figure(shown.toString());
            }
        } finally {
            receiver.stop(0);
        }
    }
}
