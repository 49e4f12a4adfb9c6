package dev.ccui.application.history.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Page;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.io.IOException;

/** Reading the recorded sessions: lists, history pages, search, export, renames, and how far the index is. */
public interface SessionHistoryUseCase {

    Page<SessionSummary> listSessions(
            Principal caller, ProjectId projectId, Integer limit, String cursor, boolean includeHidden);

    SessionSummary getSession(Principal caller, SessionId sessionId);

    /** A page of messages: the newest, older or newer than a previous page's cursor, or around one message. */
    MessagesPage messages(Principal caller, SessionId sessionId, MessagesQuery query);

    /** The messages of the session holding every word of {@code query} (what "next match" moves through). */
    SessionMatches matches(Principal caller, SessionId sessionId, String query);

    String toolResult(Principal caller, SessionId sessionId, long seq, String toolUseId);

    /** {@code imageId} is {@code <seq>-<block>}, as the history pages name images. */
    ImageData image(Principal caller, SessionId sessionId, String imageId);

    SessionSummary renameSession(Principal caller, SessionId sessionId, String title, ClientInfo client);

    void hideSession(Principal caller, SessionId sessionId, boolean hidden, ClientInfo client);

    /**
     * Hits across the caller's projects, or one ({@code projectId} not null), best first;
     * {@code cursor} is a previous page's {@code nextCursor}.
     */
    Page<SearchResult> search(Principal caller, String query, ProjectId projectId, Integer limit, String cursor);

    /** Writes the whole session as Markdown. */
    void exportMarkdown(Principal caller, SessionId sessionId, Appendable out) throws IOException;

    /** Streams every message, oldest first, for a JSON export. */
    void exportMessages(Principal caller, SessionId sessionId, MessageSink sink) throws IOException;

    /** Where the transcript index stands (health, metrics). */
    IndexProgress indexProgress();

    interface MessageSink {
        void accept(HistoryMessage message) throws IOException;
    }
}
