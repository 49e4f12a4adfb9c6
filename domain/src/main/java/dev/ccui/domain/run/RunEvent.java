package dev.ccui.domain.run;

import dev.ccui.domain.permission.RuleMatch;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What happens in a run, one record per kind of the public contract ({@link #kind()} is the
 * contract's {@code event.kind}). Payloads the CLI defines (tool inputs, raw lines) are plain
 * JDK values: maps, lists, strings, numbers, booleans and nulls. Ids and texts of the CLI are
 * kept as the CLI wrote them; {@code parentToolUseId} is set for output of a sub-agent.
 */
public sealed interface RunEvent {

    String kind();

    /** Why a run ended. */
    enum EndReason {
        COMPLETED,
        INTERRUPTED,
        FAILED,
        LOST;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The CLI began working on a prompt (its {@code system/init} line, repeated at every turn). */
    record RunStarted(
            String sessionId,
            String model,
            String cwd,
            String permissionMode,
            List<String> tools,
            String cliVersion,
            List<String> slashCommands)
            implements RunEvent {
        public RunStarted {
            tools = tools == null ? List.of() : List.copyOf(tools);
            // The CLI's commands and skills for this project (built-in and the project's own), for completion.
            slashCommands = slashCommands == null ? List.of() : List.copyOf(slashCommands);
        }

        public RunStarted(
                String sessionId,
                String model,
                String cwd,
                String permissionMode,
                List<String> tools,
                String cliVersion) {
            this(sessionId, model, cwd, permissionMode, tools, cliVersion, List.of());
        }

        @Override
        public String kind() {
            return "run_started";
        }
    }

    /** A finished text block of the assistant. */
    record AssistantText(String messageId, String text, String parentToolUseId) implements RunEvent {
        public AssistantText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return "assistant_text";
        }
    }

    /**
     * A piece of a block being streamed; the finished block follows as its own event.
     *
     * @param blockType {@code text}, {@code thinking} or {@code tool_input} (partial JSON of a tool's input)
     */
    record AssistantDelta(String messageId, int blockIndex, String blockType, String text, String parentToolUseId)
            implements RunEvent {
        public AssistantDelta {
            Objects.requireNonNull(blockType, "blockType");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return "assistant_delta";
        }
    }

    /** A finished thinking block. */
    record Thinking(String messageId, String text, String parentToolUseId) implements RunEvent {
        public Thinking {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return "thinking";
        }
    }

    /**
     * A tool call the model made.
     *
     * @param savedRule the saved rule the run's CLI was started with that decides this call without
     *                  asking ({@link RuleMatch}: a deny before an allow); {@code null}: none does (the CLI asks,
     *                  or its own settings decide)
     */
    record ToolUse(
            String messageId,
            String toolUseId,
            String name,
            Map<String, Object> input,
            String parentToolUseId,
            RuleMatch savedRule)
            implements RunEvent {
        public ToolUse {
            Objects.requireNonNull(toolUseId, "toolUseId");
            input = input == null ? Map.of() : RunPayloads.copy(input);
        }

        /** As the CLI reports it, before the server explains it. */
        public ToolUse(
                String messageId, String toolUseId, String name, Map<String, Object> input, String parentToolUseId) {
            this(messageId, toolUseId, name, input, parentToolUseId, null);
        }

        public ToolUse withSavedRule(RuleMatch rule) {
            return new ToolUse(messageId, toolUseId, name, input, parentToolUseId, rule);
        }

        @Override
        public String kind() {
            return "tool_use";
        }
    }

    /** A tool's output, matched to its use by {@code toolUseId}; {@code content} is its text. */
    record ToolResult(String toolUseId, String content, boolean isError, String parentToolUseId) implements RunEvent {
        public ToolResult {
            Objects.requireNonNull(toolUseId, "toolUseId");
            content = content == null ? "" : content;
        }

        @Override
        public String kind() {
            return "tool_result";
        }
    }

    /** The CLI waits until someone allows or denies this tool use ({@code can_use_tool}). */
    record PermissionRequest(
            String requestId,
            String toolName,
            String displayName,
            Map<String, Object> input,
            String description,
            List<Object> suggestions,
            String toolUseId,
            String blockedPath)
            implements RunEvent {
        public PermissionRequest {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(toolName, "toolName");
            input = input == null ? Map.of() : RunPayloads.copy(input);
            suggestions = suggestions == null ? List.of() : RunPayloads.copy(suggestions);
        }

        @Override
        public String kind() {
            return "permission_request";
        }
    }

    /**
     * A tool use was allowed or denied.
     *
     * @param requestId the permission request answered; {@code null} when the CLI refused on its own
     * @param decidedBy who decided: {@code cli} for the CLI's own rules, otherwise the deciding user
     */
    record PermissionResolved(
            String requestId, String toolUseId, String toolName, String decision, String decidedBy, String message)
            implements RunEvent {
        public PermissionResolved {
            if (!"allow".equals(decision) && !"deny".equals(decision)) {
                throw new IllegalArgumentException("decision must be allow or deny: " + decision);
            }
            Objects.requireNonNull(decidedBy, "decidedBy");
        }

        @Override
        public String kind() {
            return "permission_resolved";
        }
    }

    /**
     * Progress and everything without a kind of its own: {@code requesting}, {@code api_retry},
     * and lines of types this version does not know ({@code data} is then the raw line).
     */
    record Status(String status, Map<String, Object> data) implements RunEvent {
        public Status {
            Objects.requireNonNull(status, "status");
            data = data == null ? Map.of() : RunPayloads.copy(data);
        }

        @Override
        public String kind() {
            return "status";
        }
    }

    /**
     * The end of a turn as the CLI accounts it. Tokens are this turn's; {@code costUsd} is this
     * turn's cost and {@code totalCostUsd} the CLI process's running total.
     *
     * @param subtype        {@code success}, {@code error_during_execution}, {@code error_max_turns}, …
     * @param terminalReason e.g. {@code completed}, {@code aborted_streaming}; may be {@code null}
     */
    record Result(
            String subtype,
            boolean isError,
            String resultText,
            long inputTokens,
            long outputTokens,
            long cacheReadInputTokens,
            long cacheCreationInputTokens,
            double costUsd,
            double totalCostUsd,
            long durationMs,
            long durationApiMs,
            int numTurns,
            String stopReason,
            String terminalReason,
            List<String> errors,
            List<Object> permissionDenials,
            String sessionId)
            implements RunEvent {
        public Result {
            Objects.requireNonNull(subtype, "subtype");
            errors = errors == null ? List.of() : List.copyOf(errors);
            permissionDenials = permissionDenials == null ? List.of() : RunPayloads.copy(permissionDenials);
        }

        @Override
        public String kind() {
            return "result";
        }
    }

    /**
     * Something went wrong outside the model's answer: the CLI could not start, died, printed
     * an unreadable line, did not obey an interrupt.
     */
    record Error(String code, String message, Map<String, Object> details) implements RunEvent {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            details = details == null ? Map.of() : RunPayloads.copy(details);
        }

        @Override
        public String kind() {
            return "error";
        }
    }

    /**
     * One waiting message as watchers see it, without file data: {@code images} is the number of its
     * images, {@code attachments} names its documents (empty in events stored before they existed).
     */
    record QueueEntry(
            String id,
            String authorId,
            String author,
            String prompt,
            int images,
            String model,
            String effort,
            String permissionMode,
            String clientMessageId,
            String queuedAt,
            String updatedAt,
            List<FileEntry> attachments) {
        public QueueEntry {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** A document of a waiting message: its name, media type and decoded size in bytes. */
    record FileEntry(String name, String mediaType, long size) {}

    /**
     * The session's queue of waiting messages changed; {@code items} is the whole queue after the
     * change, in the order they will be sent, so a watcher replaces what it showed.
     *
     * @param change    {@code queued}, {@code edited}, {@code removed}, {@code moved} (send now),
     *                  {@code sent} (it became run {@code runId}) or {@code dropped} (it could not be sent: {@code reason})
     * @param message   the message the change is about, as it is after the change (or was, when it left)
     */
    record QueueChanged(String change, QueueEntry message, String runId, String reason, List<QueueEntry> items)
            implements RunEvent {
        public QueueChanged {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(message, "message");
            items = items == null ? List.of() : List.copyOf(items);
        }

        @Override
        public String kind() {
            return "queue_changed";
        }
    }

    record RunEnded(EndReason reason) implements RunEvent {
        public RunEnded {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "run_ended";
        }
    }
}
