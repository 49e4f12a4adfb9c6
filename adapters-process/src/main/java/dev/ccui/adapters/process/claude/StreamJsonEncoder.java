package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.DocumentAttachment;
import dev.ccui.domain.run.ImageAttachment;
import dev.ccui.domain.run.PermissionDecision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lines this host writes to the CLI's stdin ({@code --input-format stream-json}): the mirror
 * of {@link StreamJsonParser}. Pure (one line in, one line out, no process), so that every shape
 * the CLI reads is pinned by a unit test instead of only by a run of the real CLI.
 */
final class StreamJsonEncoder {
    private final ObjectMapper mapper;

    StreamJsonEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A prompt: the files first, in their order, then the text (a text block only when there is
     * text or nothing else). A PDF is a {@code document} with a base64 source, a text file a
     * {@code document} with a text source titled with its name: the CLI forwards both to the
     * Messages API as they are (observed with 2.1.328: {@code stream-json/07_documents.json}).
     */
    String userTurn(String text, List<Attachment> attachments) {
        Objects.requireNonNull(text, "text");
        ObjectNode line = mapper.createObjectNode().put("type", "user");
        ArrayNode content = line.putObject("message").put("role", "user").putArray("content");
        for (Attachment attachment : attachments == null ? List.<Attachment>of() : attachments) {
            switch (attachment) {
                case ImageAttachment image ->
                    content.addObject()
                            .put("type", "image")
                            .putObject("source")
                            .put("type", "base64")
                            .put("media_type", image.mediaType())
                            .put("data", image.base64Data());
                case DocumentAttachment document -> {
                    ObjectNode block = content.addObject().put("type", "document");
                    ObjectNode source = block.putObject("source");
                    if (document.isPdf()) {
                        source.put("type", "base64")
                                .put("media_type", document.mediaType())
                                .put("data", document.base64Data());
                    } else {
                        source.put("type", "text")
                                .put("media_type", document.mediaType())
                                .put("data", document.text());
                    }
                    block.put("title", document.name());
                }
            }
        }
        if (!text.isEmpty() || content.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        line.putNull("parent_tool_use_id");
        line.put("session_id", "");
        return json(line);
    }

    /**
     * {@code apply_flag_settings}: settings the running CLI takes as if given as flags at its start
     * (2.1.328: {@code effortLevel}, which {@code --effort} sets; every later request carries it).
     */
    String applyFlagSettings(String requestId, Map<String, String> settings) {
        ObjectNode line =
                mapper.createObjectNode().put("type", "control_request").put("request_id", requestId);
        ObjectNode applied =
                line.putObject("request").put("subtype", "apply_flag_settings").putObject("settings");
        settings.forEach(applied::put);
        return json(line);
    }

    /** One of our requests to the CLI ({@code interrupt}, {@code set_model}, …); its reply names {@code requestId}. */
    String controlRequest(String requestId, String subtype, Map<String, String> fields) {
        ObjectNode line =
                mapper.createObjectNode().put("type", "control_request").put("request_id", requestId);
        ObjectNode request = line.putObject("request").put("subtype", subtype);
        fields.forEach(request::put);
        return json(line);
    }

    /** The answer to a {@code can_use_tool} request. */
    String permissionAnswer(String requestId, PermissionDecision decision) {
        ObjectNode line = mapper.createObjectNode().put("type", "control_response");
        ObjectNode response =
                line.putObject("response").put("subtype", "success").put("request_id", requestId);
        ObjectNode answer = response.putObject("response").put("behavior", decision.behavior());
        switch (decision) {
            case PermissionDecision.Allow allow -> {
                if (allow.updatedInput() != null) {
                    answer.set("updatedInput", mapper.valueToTree(allow.updatedInput()));
                }
                if (!allow.updatedPermissions().isEmpty()) {
                    answer.set("updatedPermissions", mapper.valueToTree(allow.updatedPermissions()));
                }
            }
            case PermissionDecision.Deny deny -> {
                answer.put("message", deny.message());
                if (deny.interrupt()) {
                    answer.put("interrupt", true);
                }
            }
        }
        return json(line);
    }

    /** The CLI waits for an answer to every control request: this one says we do not serve it. */
    String refusal(String requestId, String subtype) {
        ObjectNode line = mapper.createObjectNode().put("type", "control_response");
        line.putObject("response")
                .put("subtype", "error")
                .put("request_id", requestId)
                .put("error", "not supported by this host: " + subtype);
        return json(line);
    }

    private String json(ObjectNode line) {
        try {
            return mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stdin line", e);
        }
    }
}
