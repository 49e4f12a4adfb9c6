package dev.ccui.adapters.persistence.run;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.domain.run.RunEvent;
import java.util.Map;

/**
 * The stored JSON of a run event: its record components by name plus {@code kind}, which picks
 * the record type on the way back (only the contract's kinds, never a class name from the text).
 */
public final class RunEventJson {
    private static final Map<String, Class<? extends RunEvent>> TYPES = Map.ofEntries(
            Map.entry("run_started", RunEvent.RunStarted.class),
            Map.entry("assistant_text", RunEvent.AssistantText.class),
            Map.entry("assistant_delta", RunEvent.AssistantDelta.class),
            Map.entry("thinking", RunEvent.Thinking.class),
            Map.entry("tool_use", RunEvent.ToolUse.class),
            Map.entry("tool_result", RunEvent.ToolResult.class),
            Map.entry("permission_request", RunEvent.PermissionRequest.class),
            Map.entry("permission_resolved", RunEvent.PermissionResolved.class),
            Map.entry("status", RunEvent.Status.class),
            Map.entry("result", RunEvent.Result.class),
            Map.entry("error", RunEvent.Error.class),
            Map.entry("run_ended", RunEvent.RunEnded.class),
            Map.entry("queue_changed", RunEvent.QueueChanged.class));

    // Fields, not getters: a component such as isError must keep its name.
    public ObjectMapper mapper() {
        return mapper;
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String write(RunEvent event) {
        ObjectNode json = mapper.valueToTree(event);
        json.put("kind", event.kind());
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run event could not be written", e);
        }
    }

    public RunEvent read(String kind, String payload) {
        Class<? extends RunEvent> type = TYPES.get(kind);
        if (type == null) {
            throw new IllegalStateException("unknown run event kind in the log: " + kind);
        }
        try {
            ObjectNode json = (ObjectNode) mapper.readTree(payload);
            json.remove("kind");
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored run event could not be read", e);
        }
    }
}
