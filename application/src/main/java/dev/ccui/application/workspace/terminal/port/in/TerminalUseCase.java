package dev.ccui.application.workspace.terminal.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;

/** The web shell of a project: open one, or attach again to one that outlived its connection. */
public interface TerminalUseCase {

    /** Whether terminals are on at all (configuration). */
    boolean enabled();

    /** Checks that the caller may open a terminal in the project, before a WebSocket is accepted. */
    void checkAllowed(Principal caller, ProjectId projectId);

    /**
     * Refuses ({@code 503 DRAINING}, before a WebSocket is accepted) when this node is shutting
     * down and takes no new terminals, unless {@code terminalId} (nullable) is one it still holds:
     * attaching to that one stays possible.
     */
    void requireTakingNew(String terminalId);

    TerminalAttachment open(
            Principal caller, ProjectId projectId, OpenTerminalCommand command, TerminalSink sink, ClientInfo client);

    /** Replays the scrollback after {@code afterSeq}, then streams; only the user who opened it may attach. */
    TerminalAttachment attach(
            Principal caller, ProjectId projectId, String terminalId, long afterSeq, TerminalSink sink);

    /** Open terminals (alive or awaiting a reconnection), for metrics and tests. */
    int openCount();
}
