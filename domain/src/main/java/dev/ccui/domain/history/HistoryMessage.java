package dev.ccui.domain.history;

import java.time.Instant;
import java.util.List;

/**
 * A message of a session's history as the UI shows it.
 *
 * @param seq             position in the session (0-based, in file order); the paging cursor
 * @param role            user, assistant or system
 * @param hidden          meta records and system reminders: kept, but not shown as chat text
 * @param sidechain       part of a subagent's conversation
 * @param parentToolUseId for sidechain messages, the Task tool use they belong to
 */
public record HistoryMessage(
        long seq,
        String uuid,
        String parentUuid,
        String role,
        Instant timestamp,
        String model,
        List<MessageBlock> blocks,
        boolean hidden,
        boolean sidechain,
        String parentToolUseId) {
    public HistoryMessage {
        blocks = List.copyOf(blocks);
    }
}
