package dev.ccui.domain.history;

import java.util.Map;

/** One piece of a normalized message. Tool inputs are plain JDK values (maps, lists, strings, numbers). */
public sealed interface MessageBlock {

    record Text(String text) implements MessageBlock {}

    record Thinking(String text) implements MessageBlock {}

    record ToolUse(String id, String name, Map<String, Object> input) implements MessageBlock {}

    /**
     * A tool's output, matched to its use by {@code toolUseId}. Long outputs are cut to
     * {@code content}; {@code fullLength} tells how long the whole is, fetched on demand.
     */
    record ToolResult(String toolUseId, String content, boolean isError, boolean truncated, long fullLength)
            implements MessageBlock {}

    /** An image, served separately by id instead of inlined as base64. */
    record Image(String imageId, String mediaType, long sizeBytes) implements MessageBlock {}

    /** A slash command the user ran ({@code <command-name>} wrappers). */
    record SlashCommand(String name, String args) implements MessageBlock {}
}
