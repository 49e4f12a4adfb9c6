package dev.ccui.adapters.http.session;

import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.MessageBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A history message as JSON: each block carries its {@code type} (text, thinking, toolUse, toolResult, image, slashCommand). */
public final class MessageView {
    private MessageView() {}

    public static Map<String, Object> of(HistoryMessage m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", m.seq());
        view.put("uuid", m.uuid());
        view.put("parentUuid", m.parentUuid());
        view.put("role", m.role());
        view.put("timestamp", m.timestamp());
        view.put("model", m.model());
        view.put("hidden", m.hidden());
        view.put("sidechain", m.sidechain());
        view.put("parentToolUseId", m.parentToolUseId());
        view.put("blocks", m.blocks().stream().map(MessageView::block).toList());
        return view;
    }

    public static List<Map<String, Object>> of(List<HistoryMessage> messages) {
        return messages.stream().map(MessageView::of).toList();
    }

    private static Map<String, Object> block(MessageBlock block) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (block) {
            case MessageBlock.Text text -> {
                view.put("type", "text");
                view.put("text", text.text());
            }
            case MessageBlock.Thinking thinking -> {
                view.put("type", "thinking");
                view.put("text", thinking.text());
            }
            case MessageBlock.ToolUse use -> {
                view.put("type", "toolUse");
                view.put("id", use.id());
                view.put("name", use.name());
                view.put("input", use.input());
            }
            case MessageBlock.ToolResult result -> {
                view.put("type", "toolResult");
                view.put("toolUseId", result.toolUseId());
                view.put("content", result.content());
                view.put("isError", result.isError());
                view.put("truncated", result.truncated());
                view.put("fullLength", result.fullLength());
            }
            case MessageBlock.Image image -> {
                view.put("type", "image");
                view.put("imageId", image.imageId());
                view.put("mediaType", image.mediaType());
                view.put("sizeBytes", image.sizeBytes());
            }
            case MessageBlock.SlashCommand command -> {
                view.put("type", "slashCommand");
                view.put("name", command.name());
                view.put("args", command.args());
            }
        }
        return view;
    }
}
