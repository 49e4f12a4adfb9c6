package dev.ccui.adapters.http.ws.socket;

import dev.ccui.adapters.http.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The frame shapes every endpoint shares: client frames are JSON objects, errors look alike. */
public final class ClientFrames {
    public static final String NOT_AN_OBJECT = "frames must be JSON objects with a type";

    private ClientFrames() {}

    /** The frame as a JSON object, empty when it is not one (malformed, {@code null}, an array). */
    public static Optional<Map<?, ?>> object(String text) {
        try {
            return Optional.ofNullable(Json.MAPPER.readValue(text, Map.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** {@code {type: error, code, message, clientMessageId?}}. */
    public static Map<String, Object> error(String code, String message, String clientMessageId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", message);
        if (clientMessageId != null) {
            frame.put("clientMessageId", clientMessageId);
        }
        return frame;
    }
}
