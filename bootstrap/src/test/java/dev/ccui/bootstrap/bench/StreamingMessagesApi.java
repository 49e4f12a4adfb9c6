package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ccui.bootstrap.testing.TimedEventSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Anthropic Messages API on loopback for {@link RunBenchmark} and the UI
 * benchmark ({@link UiBenchmarkApi}): the prompt {@code STREAM <n> <gapMs> <tag>} is answered with
 * {@code n} text deltas {@code <tag>w<i> }, one every {@code gapMs} ms; {@code DELTAS <n>} is the
 * same as {@code STREAM <n> 0 d} (so the last delta holds {@code dw<n-1>}, a text no other delta
 * contains); anything else with a short two-delta text. It records, per tag, how many
 * deltas it streamed and the wall-clock instant (µs) each delta was flushed to the CLI.
 */
final class StreamingMessagesApi implements AutoCloseable {
    private static final Pattern STREAM = Pattern.compile("STREAM (\\d+) (\\d+) (\\S+)");
    private static final Pattern DELTAS = Pattern.compile("DELTAS (\\d+)");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger counter = new AtomicInteger();
    /** tag → deltas streamed for it. */
    final Map<String, AtomicInteger> streamed = new ConcurrentHashMap<>();
    /** delta text → epoch µs it was flushed. */
    final Map<String, Long> flushedAt = new ConcurrentHashMap<>();

    final AtomicInteger otherRequests = new AtomicInteger();

    StreamingMessagesApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().toString();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !path.startsWith("/v1/messages")
                    || path.startsWith("/v1/messages/count_tokens")) {
                byte[] body = "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            JsonNode body = mapper.readTree(raw);
            int number = counter.incrementAndGet();
            String prompt = lastPrompt(body);
            Matcher m = STREAM.matcher(prompt);
            Matcher deltas = DELTAS.matcher(prompt);
            String model = body.path("model").asText("claude-fake");
            if (deltas.find() && isMainTurn(body)) {
                streamText(exchange, model, number, Integer.parseInt(deltas.group(1)), 0, "d");
            } else if (m.find() && isMainTurn(body)) {
                int n = Integer.parseInt(m.group(1));
                long gap = Long.parseLong(m.group(2));
                String tag = m.group(3);
                streamText(exchange, model, number, n, gap, tag);
            } else {
                otherRequests.incrementAndGet();
                String reply = "ok (req " + number + ")";
                streamParts(exchange, model, number, new String[] {reply.substring(0, 3), reply.substring(3)});
            }
        }
    }

    /** The agent's own turn offers tools; side requests of the CLI (titles, quota checks) do not. */
    private static boolean isMainTurn(JsonNode body) {
        return body.path("tools").size() > 0;
    }

    private static String lastPrompt(JsonNode body) {
        String prompt = "";
        for (JsonNode message : body.path("messages")) {
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                prompt = content.asText();
            } else {
                for (JsonNode block : content) {
                    String text = block.path("text").asText("");
                    if ("text".equals(block.path("type").asText()) && !text.startsWith("<system-reminder>")) {
                        prompt = text;
                    }
                }
            }
        }
        return prompt;
    }

    private void streamText(HttpExchange exchange, String model, int number, int n, long gapMs, String tag)
            throws IOException {
        OutputStream out = open(exchange);
        start(out, model, number);
        AtomicInteger count = streamed.computeIfAbsent(tag, t -> new AtomicInteger());
        for (int i = 0; i < n; i++) {
            if (i > 0 && gapMs > 0) {
                try {
                    Thread.sleep(gapMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String text = tag + "w" + i + " ";
            event(out, "content_block_delta", delta(text));
            flushedAt.put(text, TimedEventSocket.micros(Instant.now()));
            count.incrementAndGet();
        }
        finish(out);
    }

    private void streamParts(HttpExchange exchange, String model, int number, String[] parts) throws IOException {
        OutputStream out = open(exchange);
        start(out, model, number);
        for (String part : parts) {
            event(out, "content_block_delta", delta(part));
        }
        finish(out);
    }

    private String delta(String text) {
        ObjectNode delta =
                mapper.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", text);
        return delta.toString();
    }

    private static OutputStream open(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("request-id", "req_fake_" + System.nanoTime());
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private void start(OutputStream out, String model, int number) throws IOException {
        ObjectNode start = mapper.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message")
                .put("id", "msg_fake_" + number)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", 1000)
                .put("output_tokens", 1)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0);
        event(out, "message_start", start.toString());
        event(
                out,
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    }

    private static void finish(OutputStream out) throws IOException {
        event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        event(
                out,
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":12}}");
        event(out, "message_stop", "{\"type\":\"message_stop\"}");
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
