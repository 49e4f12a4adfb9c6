package dev.ccui.adapters.process.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.history.MessageBlock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed user or assistant record into the history's message shape. Whatever the
 * record holds, the result is a message: unknown blocks become a {@code [type]} text, images
 * become ids, long tool outputs are cut.
 */
final class MessageNormalizer {
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Pattern COMMAND_NAME = Pattern.compile("<command-name>(.*?)</command-name>", Pattern.DOTALL);
    private static final Pattern COMMAND_ARGS = Pattern.compile("<command-args>(.*?)</command-args>", Pattern.DOTALL);

    private final ObjectMapper json;
    private final int toolResultChars;

    MessageNormalizer(ObjectMapper json, int toolResultChars) {
        this.json = json;
        this.toolResultChars = toolResultChars;
    }

    HistoryMessage normalize(JsonNode record, long seq, boolean subagentFile) {
        String type = text(record, "type");
        String role = "assistant".equals(type) ? "assistant" : "user".equals(type) ? "user" : "system";
        JsonNode message = record.path("message");
        JsonNode content = message.path("content");
        List<MessageBlock> blocks = new ArrayList<>();
        if (content.isTextual()) {
            blocks.add(textBlock(content.asText(), role));
        } else if (content.isArray()) {
            for (int index = 0; index < content.size(); index++) {
                blocks.add(block(content.get(index), role, seq, index));
            }
        }
        boolean hidden = record.path("isMeta").asBoolean(false) || "user".equals(role) && isReminderOnly(content);
        String parentToolUseId = text(record, "parent_tool_use_id");
        if (parentToolUseId == null) {
            parentToolUseId = text(record, "parentToolUseID");
        }
        return new HistoryMessage(
                seq,
                text(record, "uuid"),
                text(record, "parentUuid"),
                role,
                Records.instant(text(record, "timestamp")),
                text(message, "model"),
                blocks,
                hidden,
                record.path("isSidechain").asBoolean(false) || subagentFile,
                parentToolUseId);
    }

    private MessageBlock block(JsonNode block, String role, long seq, int index) {
        String type = text(block, "type");
        if (type == null) {
            return new MessageBlock.Text("[unknown]");
        }
        return switch (type) {
            case "text" -> textBlock(block.path("text").asText(""), role);
            case "thinking" -> new MessageBlock.Thinking(block.path("thinking").asText(""));
            case "tool_use" ->
                new MessageBlock.ToolUse(
                        block.path("id").asText(""), block.path("name").asText(""), input(block.get("input")));
            case "tool_result" -> toolResult(block);
            case "image" -> image(block, seq, index);
            // A PDF or text file sent with the prompt: its name, never its (possibly huge) content.
            case "document" -> new MessageBlock.Text(document(block));
            default -> new MessageBlock.Text("[" + type + "]");
        };
    }

    private static String document(JsonNode block) {
        String title = block.path("title").asText("").strip();
        if (title.length() > 255) {
            title = title.substring(0, 255);
        }
        return title.isEmpty() ? "[document]" : "[document: " + title + "]";
    }

    private static MessageBlock textBlock(String text, String role) {
        if ("user".equals(role)) {
            String start = text.stripLeading();
            if (start.startsWith("<command-name>") || start.startsWith("<command-message>")) {
                Matcher name = COMMAND_NAME.matcher(text);
                if (name.find()) {
                    Matcher args = COMMAND_ARGS.matcher(text);
                    return new MessageBlock.SlashCommand(
                            name.group(1).strip(), args.find() ? args.group(1).strip() : "");
                }
            }
        }
        return new MessageBlock.Text(text);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> input(JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return Map.of();
        }
        if (!input.isObject()) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("value", json.convertValue(input, Object.class));
            return wrapped;
        }
        return json.convertValue(input, Map.class);
    }

    private MessageBlock toolResult(JsonNode block) {
        String full = toolResultText(block);
        boolean truncated = full.length() > toolResultChars;
        return new MessageBlock.ToolResult(
                block.path("tool_use_id").asText(""),
                truncated ? Records.cut(full, toolResultChars) : full,
                block.path("is_error").asBoolean(false),
                truncated,
                full.length());
    }

    /** The whole text of the tool result for {@code toolUseId} among the record's blocks. */
    static Optional<String> toolResultText(JsonNode record, String toolUseId) {
        for (JsonNode block : record.path("message").path("content")) {
            if ("tool_result".equals(block.path("type").asText())
                    && toolUseId.equals(block.path("tool_use_id").asText())) {
                return Optional.of(toolResultText(block));
            }
        }
        return Optional.empty();
    }

    /** A tool result's content as text: a string, or the text parts of a block list. */
    private static String toolResultText(JsonNode block) {
        JsonNode content = block.path("content");
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            String type = part.path("type").asText("");
            if (type.equals("text")) {
                text.append(part.path("text").asText(""));
            } else if (type.equals("image")) {
                text.append("[image]");
            } else {
                text.append('[').append(type.isEmpty() ? "unknown" : type).append(']');
            }
        }
        return text.toString();
    }

    private static MessageBlock image(JsonNode block, long seq, int index) {
        JsonNode source = block.path("source");
        JsonNode data = source.path("data");
        if (!"base64".equals(source.path("type").asText()) || !data.isTextual()) {
            return new MessageBlock.Text("[image]");
        }
        return new MessageBlock.Image(
                seq + "-" + index,
                source.path("media_type").asText("application/octet-stream"),
                decodedSize(data.asText()));
    }

    private static long decodedSize(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return Math.max(0, base64.length() * 3L / 4 - padding);
    }

    /** The decoded bytes of a top-level base64 image block of an allowed type. */
    static Optional<ImageData> imageData(JsonNode record, int blockIndex) {
        JsonNode block = record.path("message").path("content").path(blockIndex);
        JsonNode source = block.path("source");
        String mediaType = source.path("media_type").asText("");
        if (!"image".equals(block.path("type").asText())
                || !"base64".equals(source.path("type").asText())
                || !IMAGE_TYPES.contains(mediaType)
                || !source.path("data").isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ImageData(
                    mediaType,
                    Base64.getMimeDecoder().decode(source.path("data").asText())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isReminderOnly(JsonNode content) {
        if (content.isTextual()) {
            return Records.isReminder(content.asText());
        }
        if (!content.isArray() || content.isEmpty()) {
            return false;
        }
        for (JsonNode block : content) {
            if (!"text".equals(block.path("type").asText())
                    || !Records.isReminder(block.path("text").asText(""))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
