package dev.ccui.adapters.process.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Transcript lines in the CLI's shape, for tests that write their own files. */
final class TestRecords {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SESSION = "11111111-2222-3333-4444-555555555555";
    static final String CWD = "/home/dev/proj";

    private TestRecords() {}

    static String line(Map<String, ?> record) {
        try {
            return JSON.writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> base(String type, String uuid, String timestamp) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("parentUuid", null);
        record.put("isSidechain", false);
        record.put("type", type);
        record.put("uuid", uuid);
        record.put("timestamp", timestamp);
        record.put("cwd", CWD);
        record.put("sessionId", SESSION);
        record.put("gitBranch", "main");
        return record;
    }

    static String user(String uuid, Object content) {
        Map<String, Object> record = base("user", uuid, "2026-01-01T10:00:00Z");
        record.put("message", Map.of("role", "user", "content", content));
        return line(record);
    }

    static String assistant(String uuid, String messageId, List<Map<String, Object>> content, long input, long output) {
        Map<String, Object> record = base("assistant", uuid, "2026-01-01T10:00:01Z");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", messageId);
        message.put("role", "assistant");
        message.put("model", "claude-opus-5-5");
        message.put("content", content);
        message.put(
                "usage",
                Map.of(
                        "input_tokens",
                        input,
                        "cache_creation_input_tokens",
                        0,
                        "cache_read_input_tokens",
                        0,
                        "output_tokens",
                        output));
        record.put("message", message);
        return line(record);
    }

    static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text);
    }

    static Map<String, Object> toolResult(String toolUseId, Object content, boolean isError) {
        return Map.of("type", "tool_result", "tool_use_id", toolUseId, "content", content, "is_error", isError);
    }

    static void append(Path file, String text) {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void append(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
