package dev.ccui.application.history;

import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.MessageBlock;
import dev.ccui.domain.session.SessionSummary;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** A session as a readable Markdown document: prompts, answers, tool calls and their results. */
final class MarkdownExport {
    private final Appendable out;

    MarkdownExport(Appendable out) {
        this.out = out;
    }

    void header(SessionSummary summary) throws IOException {
        out.append("# ")
                .append(oneLine(summary.title() == null ? "Session " + summary.id() : summary.title()))
                .append("\n\n");
        out.append("- Session: `").append(summary.id().value()).append("`\n");
        if (summary.firstActivityAt() != null) {
            out.append("- Started: ")
                    .append(summary.firstActivityAt().toString())
                    .append('\n');
        }
        if (summary.lastActivityAt() != null) {
            out.append("- Last activity: ")
                    .append(summary.lastActivityAt().toString())
                    .append('\n');
        }
        if (!summary.models().isEmpty()) {
            out.append("- Models: ").append(String.join(", ", summary.models())).append('\n');
        }
        out.append("- Tokens: ")
                .append(Long.toString(summary.inputTokens()))
                .append(" in, ")
                .append(Long.toString(summary.outputTokens()))
                .append(" out; cost $")
                .append(String.format(Locale.ROOT, "%.4f", summary.costUsd()))
                .append("\n\n");
    }

    void message(HistoryMessage message) throws IOException {
        if (message.hidden()) {
            return;
        }
        String who = switch (message.role()) {
            case "user" -> "User";
            case "assistant" -> "Claude";
            default -> "System";
        };
        out.append("## ").append(who);
        if (message.sidechain()) {
            out.append(" (subagent)");
        }
        if (message.timestamp() != null) {
            out.append(" · ").append(message.timestamp().toString());
        }
        out.append("\n\n");
        for (MessageBlock block : message.blocks()) {
            switch (block) {
                case MessageBlock.Text text -> out.append(text.text()).append("\n\n");
                case MessageBlock.Thinking thinking ->
                    out.append("<details><summary>Thinking</summary>\n\n")
                            .append(thinking.text())
                            .append("\n\n</details>\n\n");
                case MessageBlock.ToolUse use ->
                    out.append("**Tool: ")
                            .append(use.name())
                            .append("**\n\n")
                            .append(fence(describe(use.input())))
                            .append('\n');
                case MessageBlock.ToolResult result ->
                    out.append(result.isError() ? "**Tool error**\n\n" : "**Tool result**\n\n")
                            .append(fence(result.content()
                                    + (result.truncated()
                                            ? "\n… (" + result.fullLength() + " characters in all)"
                                            : "")))
                            .append('\n');
                case MessageBlock.Image image ->
                    out.append("*[image ").append(image.mediaType()).append("]*\n\n");
                case MessageBlock.SlashCommand command ->
                    out.append("`")
                            .append(command.name())
                            .append(command.args() == null || command.args().isBlank() ? "" : " " + command.args())
                            .append("`\n\n");
            }
        }
    }

    private static String describe(Map<String, Object> input) {
        StringBuilder text = new StringBuilder();
        input.forEach(
                (key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /** A code fence longer than any run of backticks inside, so content cannot close it. */
    private static String fence(String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String ticks = "`".repeat(Math.max(3, longest + 1));
        return ticks + "\n" + content + (content.endsWith("\n") ? "" : "\n") + ticks + "\n";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
