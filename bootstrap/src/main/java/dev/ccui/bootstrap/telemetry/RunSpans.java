package dev.ccui.bootstrap.telemetry;

import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One span per Claude run, from its first logged event to {@code run_ended}: the claude CLI
 * process working on a prompt. Attributes are ids, the model, token counts and the end reason;
 * span events mark tool uses, permission requests, the result and errors by name only. Never the
 * prompt, the answer, tool inputs or file contents.
 * With Redis every node hears every run's events; each node then records the runs it hears of
 * (a collector deduplicates nothing: trace only one node, or accept the copies).
 */
public final class RunSpans implements Consumer<AppEvent> {
    private static final int MAX_OPEN = 10_000;

    private final Tracer tracer;
    private final Map<String, Span> open = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Span> eldest) {
            if (size() > MAX_OPEN) {
                eldest.getValue().setAttribute("ccui.end_reason", "untracked");
                eldest.getValue().end();
                return true;
            }
            return false;
        }
    };

    public RunSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public synchronized void accept(AppEvent event) {
        if (!(event instanceof AppEvent.RunEventLogged logged)) {
            return;
        }
        LoggedRunEvent e = logged.logged();
        String runId = e.runId().toString();
        Span span = open.get(runId);
        if (span == null) {
            // An event logged on a traced request's thread joins that trace; today a run's first event
            // comes from the CLI's reader thread, so each run is a trace of its own (found by ccui.run_id).
            var builder = tracer.spanBuilder("claude run");
            if (Span.current().getSpanContext().isValid()) {
                builder.setParent(Context.current());
            } else {
                builder.setNoParent();
            }
            span = builder.setSpanKind(SpanKind.INTERNAL)
                    .setStartTimestamp(e.at())
                    .setAttribute("ccui.run_id", runId)
                    .setAttribute("ccui.session_id", e.sessionId().toString())
                    .startSpan();
            open.put(runId, span);
        }
        switch (e.event()) {
            case RunEvent.RunStarted started -> {
                if (started.model() != null) {
                    span.setAttribute("gen_ai.request.model", started.model());
                }
                if (started.cliVersion() != null) {
                    span.setAttribute("ccui.cli_version", started.cliVersion());
                }
            }
            case RunEvent.ToolUse tool ->
                span.addEvent(
                        "tool_use",
                        Attributes.builder()
                                .put("gen_ai.tool.name", String.valueOf(tool.name()))
                                .build(),
                        e.at());
            case RunEvent.PermissionRequest request ->
                span.addEvent(
                        "permission_request",
                        Attributes.builder()
                                .put("gen_ai.tool.name", String.valueOf(request.toolName()))
                                .build(),
                        e.at());
            case RunEvent.PermissionResolved resolved ->
                span.addEvent(
                        "permission_resolved",
                        Attributes.builder()
                                .put("ccui.decision", String.valueOf(resolved.decision()))
                                .build(),
                        e.at());
            case RunEvent.Result result -> {
                span.setAttribute("gen_ai.usage.input_tokens", result.inputTokens());
                span.setAttribute("gen_ai.usage.output_tokens", result.outputTokens());
                span.setAttribute("ccui.turns", result.numTurns());
                span.addEvent(
                        "result",
                        Attributes.builder()
                                .put("ccui.result", result.subtype())
                                .build(),
                        e.at());
            }
            case RunEvent.Error error ->
                span.addEvent(
                        "error",
                        Attributes.builder()
                                .put("ccui.error_code", String.valueOf(error.code()))
                                .build(),
                        e.at());
            case RunEvent.RunEnded ended -> {
                String reason =
                        ended.reason() == null ? "unknown" : ended.reason().wireName();
                span.setAttribute("ccui.end_reason", reason);
                if (ended.reason() == RunEvent.EndReason.FAILED) {
                    span.setStatus(StatusCode.ERROR);
                }
                span.end(e.at());
                open.remove(runId);
            }
            default -> {
                // deltas, thinking, status: too many and nothing an operator needs in a trace
            }
        }
    }
}
