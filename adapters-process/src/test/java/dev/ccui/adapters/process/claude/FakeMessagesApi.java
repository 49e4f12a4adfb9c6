package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Anthropic Messages API on loopback, enough for the real CLI. What it
 * answers depends on the last user message:
 * <ul>
 *   <li>a {@code tool_result} → a final text naming it ({@code Tool finished (is_error=…): …});</li>
 *   <li>{@code WRITE <path>} → a {@code Write} tool use of that file;</li>
 *   <li>{@code BASH <command>} → a {@code Bash} tool use;</li>
 *   <li>{@code ASK} → an {@code AskUserQuestion} of {@link #QUESTIONS} (a single and a multiple choice);</li>
 *   <li>{@code PLAN} (in plan mode) → a {@code Write} of {@link #PLAN} to the plan file the CLI named, then,
 *       on that write's result, {@code ExitPlanMode} as a real model does it (the CLI reads the file);</li>
 *   <li>{@code SLOW} → many words, one every {@value #SLOW_DELAY_MS} ms;</li>
 *   <li>{@code STREAM <n> <ms>} → {@code n} words {@code word<i> }, one every {@code ms} ms (0: at once);</li>
 *   <li>{@code FAIL} → HTTP 500;</li>
 *   <li>anything else → {@code Hi from fake server (req N). You said: <prompt>} in two deltas.</li>
 * </ul>
 * Every request is recorded, unless {@link #stopRecording} was called (a soak: the recorded
 * conversations would grow the heap it measures).
 */
public final class FakeMessagesApi implements AutoCloseable {
    public static final int SLOW_DELAY_MS = 100;
    public static final int SLOW_WORDS = 100;
    public static final String DATABASE_QUESTION = "Which database should the app use?";
    public static final String EXTRAS_QUESTION = "Which extras do you want?";
    public static final String QUESTIONS = "[{\"question\":\"" + DATABASE_QUESTION + "\",\"header\":\"Database\","
            + "\"multiSelect\":false,\"options\":[{\"label\":\"PostgreSQL\",\"description\":\"A server, for teams\"},"
            + "{\"label\":\"SQLite\",\"description\":\"A file, for one person\"}]},"
            + "{\"question\":\"" + EXTRAS_QUESTION + "\",\"header\":\"Extras\",\"multiSelect\":true,"
            + "\"options\":[{\"label\":\"Metrics\",\"description\":\"Prometheus endpoint\"},"
            + "{\"label\":\"Tracing\",\"description\":\"OpenTelemetry spans\"},"
            + "{\"label\":\"Backups\",\"description\":\"Nightly dumps\"}]}]";
    public static final String PLAN = "# Plan\n\n1. Add `hello.txt`\n2. Write **hello** into it\n";
    private static final Pattern STREAM = Pattern.compile("^STREAM (\\d+) (\\d+)");
    private static final Pattern PLAN_FILE = Pattern.compile("(/[^\\s\"\\\\]+/plans/[^\\s\"\\\\]+\\.md)");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean recording = true;

    public record Recorded(String method, String pathAndQuery, JsonNode body) {}

    public FakeMessagesApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Requests from now on are answered and not kept. */
    public void stopRecording() {
        recording = false;
        requests.clear();
    }

    /** The {@code POST /v1/messages} requests, in order. */
    public List<JsonNode> messageRequests() {
        return requests.stream()
                .filter(r -> r.pathAndQuery().startsWith("/v1/messages"))
                .map(Recorded::body)
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().toString();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? mapper.nullNode() : mapper.readTree(raw);
            if (recording) {
                requests.add(new Recorded(exchange.getRequestMethod(), path, body));
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/messages?beta=true")) {
                send(exchange, 404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no\"}}");
                return;
            }
            answer(exchange, body, counter.incrementAndGet());
        }
    }

    private void answer(HttpExchange exchange, JsonNode body, int number) throws IOException {
        String model = body.path("model").asText("claude-fake");
        JsonNode last = lastUserMessage(body);
        JsonNode toolResult = toolResult(last);
        if (toolResult != null
                && "Write".equals(lastToolUsed(body))
                && latestPrompt(body).startsWith("PLAN")) {
            toolUse(exchange, model, number, "ExitPlanMode", mapper.createObjectNode());
            return;
        }
        if (toolResult != null) {
            String content = toolResult.path("content").isTextual()
                    ? toolResult.path("content").asText()
                    : toolResult.path("content").toString();
            text(
                    exchange,
                    model,
                    number,
                    List.of(
                            "Tool finished (is_error="
                                    + toolResult.path("is_error").asBoolean() + "): ",
                            content),
                    0);
            return;
        }
        String prompt = prompt(last);
        Matcher stream = STREAM.matcher(prompt);
        if (prompt.startsWith("WRITE ")) {
            ObjectNode input = mapper.createObjectNode()
                    .put("file_path", prompt.substring(6).strip())
                    .put("content", "written by fake model\n");
            toolUse(exchange, model, number, "Write", input);
        } else if (prompt.startsWith("BASH ")) {
            ObjectNode input = mapper.createObjectNode()
                    .put("command", prompt.substring(5).strip())
                    .put("description", "Run what the test asked");
            toolUse(exchange, model, number, "Bash", input);
        } else if (prompt.startsWith("ASK")) {
            toolUse(
                    exchange,
                    model,
                    number,
                    "AskUserQuestion",
                    mapper.createObjectNode().set("questions", mapper.readTree(QUESTIONS)));
        } else if (prompt.startsWith("PLAN")) {
            // Plan mode's system prompt names the one file the model may write: its plan.
            Matcher file = PLAN_FILE.matcher(body.path("messages").toString());
            ObjectNode input = mapper.createObjectNode()
                    .put("file_path", file.find() ? file.group(1) : "plan.md")
                    .put("content", PLAN);
            toolUse(exchange, model, number, "Write", input);
        } else if (prompt.startsWith("SLOW")) {
            text(exchange, model, number, words(SLOW_WORDS), SLOW_DELAY_MS);
        } else if (stream.find()) {
            text(exchange, model, number, words(Integer.parseInt(stream.group(1))), Long.parseLong(stream.group(2)));
        } else if (prompt.startsWith("FAIL")) {
            send(exchange, 500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"fake failure\"}}");
        } else {
            String reply = "Hi from fake server (req " + number + "). You said: " + prompt;
            int half = reply.length() / 2;
            text(exchange, model, number, List.of(reply.substring(0, half), reply.substring(half)), 0);
        }
    }

    private static List<String> words(int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add("word" + i + " ");
        }
        return words;
    }

    private static JsonNode lastUserMessage(JsonNode body) {
        JsonNode found = null;
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                found = message;
            }
        }
        return found == null ? MissingNode.getInstance() : found;
    }

    /** The last thing the person typed (tool results come back as user messages too, without text). */
    private static String latestPrompt(JsonNode body) {
        String latest = "";
        for (JsonNode message : body.path("messages")) {
            String prompt = "user".equals(message.path("role").asText()) ? prompt(message) : "";
            if (!prompt.isEmpty()) {
                latest = prompt;
            }
        }
        return latest;
    }

    /** The name of the last tool the model used in this conversation, or null. */
    private static String lastToolUsed(JsonNode body) {
        String name = null;
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if ("assistant".equals(message.path("role").asText())
                        && "tool_use".equals(block.path("type").asText())) {
                    name = block.path("name").asText();
                }
            }
        }
        return name;
    }

    private static JsonNode toolResult(JsonNode message) {
        for (JsonNode block : message.path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                return block;
            }
        }
        return null;
    }

    private static String prompt(JsonNode message) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            return content.asText();
        }
        String prompt = "";
        for (JsonNode block : content) {
            String text = block.path("text").asText("");
            if ("text".equals(block.path("type").asText()) && !text.startsWith("<system-reminder>")) {
                prompt = text;
            }
        }
        return prompt;
    }

    private void text(HttpExchange exchange, String model, int number, List<String> parts, long delayMs)
            throws IOException {
        Sse sse = Sse.open(exchange);
        sse.event("message_start", messageStart(model, number));
        sse.event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        for (int i = 0; i < parts.size(); i++) {
            if (delayMs > 0 && i > 0) {
                pause(delayMs);
            }
            ObjectNode delta =
                    mapper.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", parts.get(i));
            sse.event("content_block_delta", delta.toString());
        }
        sse.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        sse.event("message_delta", messageDelta("end_turn", 12));
        sse.event("message_stop", "{\"type\":\"message_stop\"}");
    }

    private void toolUse(HttpExchange exchange, String model, int number, String tool, ObjectNode input)
            throws IOException {
        Sse sse = Sse.open(exchange);
        sse.event("message_start", messageStart(model, number));
        ObjectNode start =
                mapper.createObjectNode().put("type", "content_block_start").put("index", 0);
        start.putObject("content_block")
                .put("type", "tool_use")
                .put("id", "toolu_fake_" + number)
                .put("name", tool)
                .putObject("input");
        sse.event("content_block_start", start.toString());
        String json = input.toString();
        int half = json.length() / 2;
        for (String part : List.of(json.substring(0, half), json.substring(half))) {
            ObjectNode delta =
                    mapper.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", part);
            sse.event("content_block_delta", delta.toString());
        }
        sse.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        sse.event("message_delta", messageDelta("tool_use", 20));
        sse.event("message_stop", "{\"type\":\"message_stop\"}");
    }

    private String messageStart(String model, int number) {
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
                .put("input_tokens", 1000 + number)
                .put("output_tokens", 1)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0);
        return start.toString();
    }

    private String messageDelta(String stopReason, int outputTokens) {
        ObjectNode delta = mapper.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", outputTokens);
        return delta.toString();
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Server-sent events, flushed one by one so the client sees each when it is sent. */
    private record Sse(OutputStream out) {
        static Sse open(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("request-id", "req_fake_" + System.nanoTime());
            exchange.sendResponseHeaders(200, 0);
            return new Sse(exchange.getResponseBody());
        }

        void event(String name, String data) throws IOException {
            out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
