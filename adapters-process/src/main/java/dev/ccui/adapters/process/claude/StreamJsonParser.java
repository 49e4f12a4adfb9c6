package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.domain.run.RunEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the CLI's {@code --output-format stream-json} lines into {@link RunEvent}s. One parser
 * per CLI process: it remembers which blocks of an API message it already reported and the
 * process's running cost. Never throws for its input: an unknown line type becomes a raw
 * {@code status}, a malformed line is logged and skipped. Not thread-safe (one reader thread).
 */
public final class StreamJsonParser {
    private static final Logger LOG = LoggerFactory.getLogger(StreamJsonParser.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {};
    /** Enough for the blocks of the messages of a long turn; older keys cannot come back. */
    private static final int SEEN_BLOCKS = 4096;

    private final ObjectMapper mapper;
    private final SequencedSet<String> seenBlocks = new LinkedHashSet<>();
    private double lastTotalCostUsd;

    public StreamJsonParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * What one line says: events for the run and, for control lines, what the runner must act on.
     *
     * @param controlReply   the CLI's answer to one of our control requests
     * @param controlRequest a control request of the CLI that is not a permission prompt
     */
    public record Parsed(List<RunEvent> events, ControlReply controlReply, ControlRequest controlRequest) {
        static final Parsed NOTHING = new Parsed(List.of(), null, null);

        static Parsed of(RunEvent... events) {
            return new Parsed(List.of(events), null, null);
        }
    }

    /** The CLI's {@code control_response} to one of our control requests. */
    public record ControlReply(String requestId, boolean success, String error) {}

    /** A {@code control_request} of the CLI that is not a permission prompt (it still needs an answer). */
    public record ControlRequest(String requestId, String subtype) {}

    public Parsed parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.NOTHING;
        }
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            LOG.warn(
                    "skipped a malformed line of the claude CLI ({} chars): {}", line.length(), e.getOriginalMessage());
            return Parsed.NOTHING;
        }
        if (node == null || !node.isObject()) {
            LOG.warn("skipped a line of the claude CLI that is not a JSON object ({} chars)", line.length());
            return Parsed.NOTHING;
        }
        try {
            return parseObject(node);
        } catch (RuntimeException e) {
            // A known type with an unexpected shape: keep it raw rather than lose it.
            LOG.warn(
                    "could not read a '{}' line of the claude CLI: {}",
                    node.path("type").asText(),
                    e.toString());
            return Parsed.of(raw(node));
        }
    }

    private Parsed parseObject(JsonNode node) {
        String type = node.path("type").asText("");
        return switch (type) {
            case "system" -> system(node);
            case "stream_event" -> streamEvent(node);
            case "assistant" -> new Parsed(assistant(node), null, null);
            case "user" -> new Parsed(user(node), null, null);
            case "result" -> Parsed.of(result(node));
            case "control_request" -> controlRequest(node);
            case "control_response" -> controlResponse(node);
            // A permission prompt the CLI no longer waits for (its turn was interrupted). Whether it
            // was still open is the run service's to know: it owns the pending requests.
            case "control_cancel_request" ->
                node.hasNonNull("request_id")
                        ? Parsed.of(new RunEvent.PermissionResolved(
                                node.get("request_id").asText(),
                                null,
                                null,
                                "deny",
                                "cli",
                                "the turn was interrupted before an answer"))
                        : Parsed.of(raw(node));
            default -> Parsed.of(raw(node));
        };
    }

    private Parsed system(JsonNode node) {
        String subtype = node.path("subtype").asText("");
        return switch (subtype) {
            case "init" ->
                Parsed.of(new RunEvent.RunStarted(
                        text(node, "session_id"),
                        text(node, "model"),
                        text(node, "cwd"),
                        text(node, "permissionMode"),
                        strings(node.path("tools")),
                        text(node, "claude_code_version"),
                        strings(node.path("slash_commands"))));
            case "status" ->
                Parsed.of(new RunEvent.Status(
                        node.path("status").asText("status"),
                        without(node, "type", "subtype", "status", "uuid", "session_id")));
            case "api_retry" ->
                Parsed.of(new RunEvent.Status("api_retry", without(node, "type", "subtype", "uuid", "session_id")));
            case "permission_denied" ->
                Parsed.of(new RunEvent.PermissionResolved(
                        null,
                        text(node, "tool_use_id"),
                        text(node, "tool_name"),
                        "deny",
                        "cli",
                        text(node, "message")));
            default -> Parsed.of(raw(node));
        };
    }

    private Parsed streamEvent(JsonNode node) {
        JsonNode event = node.path("event");
        if (!"content_block_delta".equals(event.path("type").asText())) {
            // message_start/stop, block start/stop and message_delta frame the deltas; the
            // assistant and result lines carry what they say.
            return Parsed.NOTHING;
        }
        JsonNode delta = event.path("delta");
        String messageId = text(node, "api_message_id");
        int index = event.path("index").asInt(0);
        String parent = text(node, "parent_tool_use_id");
        return switch (delta.path("type").asText()) {
            case "text_delta" ->
                Parsed.of(new RunEvent.AssistantDelta(
                        messageId, index, "text", delta.path("text").asText(""), parent));
            case "thinking_delta" ->
                Parsed.of(new RunEvent.AssistantDelta(
                        messageId, index, "thinking", delta.path("thinking").asText(""), parent));
            case "input_json_delta" ->
                Parsed.of(new RunEvent.AssistantDelta(
                        messageId,
                        index,
                        "tool_input",
                        delta.path("partial_json").asText(""),
                        parent));
            default -> Parsed.NOTHING;
        };
    }

    private List<RunEvent> assistant(JsonNode node) {
        JsonNode message = node.path("message");
        String messageId = text(message, "id");
        String parent = text(node, "parent_tool_use_id");
        List<RunEvent> events = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            String blockType = block.path("type").asText("");
            RunEvent event = switch (blockType) {
                case "text" ->
                    new RunEvent.AssistantText(messageId, block.path("text").asText(""), parent);
                case "thinking" ->
                    new RunEvent.Thinking(messageId, block.path("thinking").asText(""), parent);
                case "redacted_thinking" -> new RunEvent.Thinking(messageId, "", parent);
                case "tool_use", "server_tool_use" ->
                    new RunEvent.ToolUse(
                            messageId, text(block, "id"), text(block, "name"), map(block.path("input")), parent);
                default -> new RunEvent.Status("assistant_block", map(block));
            };
            if (firstTime(messageId, block)) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * The CLI prints one line per content block and may print a block again (an interrupted
     * message is flushed as a whole): report each block of a message once.
     */
    private boolean firstTime(String messageId, JsonNode block) {
        if (messageId == null) {
            return true;
        }
        String key =
                messageId + '\u0000' + (block.hasNonNull("id") ? block.get("id").asText() : block.toString());
        if (!seenBlocks.add(key)) {
            return false;
        }
        if (seenBlocks.size() > SEEN_BLOCKS) {
            seenBlocks.removeFirst();
        }
        return true;
    }

    private List<RunEvent> user(JsonNode node) {
        JsonNode content = node.path("message").path("content");
        String parent = text(node, "parent_tool_use_id");
        List<RunEvent> events = new ArrayList<>();
        for (JsonNode block : content) {
            if ("tool_result".equals(block.path("type").asText())) {
                events.add(new RunEvent.ToolResult(
                        text(block, "tool_use_id"),
                        contentText(block.path("content")),
                        block.path("is_error").asBoolean(false),
                        parent));
            }
        }
        // Prompts echoed back and "[Request interrupted by user]" are the user's side of the
        // transcript, which the run service records from what was sent.
        return events;
    }

    private RunEvent result(JsonNode node) {
        JsonNode usage = node.path("usage");
        double total = node.path("total_cost_usd").asDouble(0);
        double turnCost = turnCost(node, total);
        lastTotalCostUsd = total;
        List<String> errors = new ArrayList<>();
        node.path("errors").forEach(error -> errors.add(error.isTextual() ? error.asText() : error.toString()));
        return new RunEvent.Result(
                node.path("subtype").asText("unknown"),
                node.path("is_error").asBoolean(false),
                text(node, "result"),
                usage.path("input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0),
                usage.path("cache_read_input_tokens").asLong(0),
                usage.path("cache_creation_input_tokens").asLong(0),
                turnCost,
                total,
                node.path("duration_ms").asLong(0),
                node.path("duration_api_ms").asLong(0),
                node.path("num_turns").asInt(0),
                text(node, "stop_reason"),
                text(node, "terminal_reason"),
                errors,
                list(node.path("permission_denials")),
                text(node, "session_id"));
    }

    /**
     * {@code total_cost_usd} is the process's running total; this turn's share is in
     * {@code model_usage_since_last_result} or, failing that, the growth of the total.
     */
    private double turnCost(JsonNode node, double total) {
        JsonNode since = node.path("model_usage_since_last_result");
        if (since.isObject() && !since.isEmpty()) {
            double sum = 0;
            for (JsonNode model : since) {
                sum += model.path("costUSD").asDouble(0);
            }
            return sum;
        }
        return Math.max(0, total - lastTotalCostUsd);
    }

    private Parsed controlRequest(JsonNode node) {
        JsonNode request = node.path("request");
        String requestId = text(node, "request_id");
        String subtype = request.path("subtype").asText("");
        if ("can_use_tool".equals(subtype) && requestId != null) {
            return Parsed.of(new RunEvent.PermissionRequest(
                    requestId,
                    request.path("tool_name").asText("unknown"),
                    text(request, "display_name"),
                    map(request.path("input")),
                    text(request, "description"),
                    list(request.path("permission_suggestions")),
                    text(request, "tool_use_id"),
                    text(request, "blocked_path")));
        }
        return new Parsed(List.of(raw(node)), null, requestId == null ? null : new ControlRequest(requestId, subtype));
    }

    private Parsed controlResponse(JsonNode node) {
        JsonNode response = node.path("response");
        String requestId = text(response, "request_id");
        if (requestId == null) {
            return Parsed.of(raw(node));
        }
        boolean success = "success".equals(response.path("subtype").asText());
        return new Parsed(
                List.of(), new ControlReply(requestId, success, success ? null : text(response, "error")), null);
    }

    private RunEvent.Status raw(JsonNode node) {
        String type = node.path("type").asText("");
        String subtype = node.path("subtype").asText("");
        String name = type.isEmpty() ? "unknown" : subtype.isEmpty() ? type : type + "/" + subtype;
        return new RunEvent.Status(name, map(node));
    }

    private static String contentText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.has("text")) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(part.path("text").asText());
                } else if ("image".equals(part.path("type").asText())) {
                    text.append(text.isEmpty() ? "" : "\n").append("[image]");
                }
            }
            return text.toString();
        }
        return content.isMissingNode() || content.isNull() ? "" : content.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private Map<String, Object> map(JsonNode node) {
        return node.isObject() ? mapper.convertValue(node, MAP) : Map.of();
    }

    private List<Object> list(JsonNode node) {
        return node.isArray() ? mapper.convertValue(node, LIST) : List.of();
    }

    private Map<String, Object> without(JsonNode node, String... fields) {
        Map<String, Object> values = new LinkedHashMap<>(map(node));
        for (String field : fields) {
            values.remove(field);
        }
        return values;
    }
}
