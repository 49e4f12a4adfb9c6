package dev.ccui.application.history.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Page;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.session.SessionSummary;
import java.io.IOException;
import java.util.List;

/** Reading the recorded sessions: lists, history pages, search, export, renames. */
public interface SessionHistoryUseCase {

    Page<SessionSummary> listSessions(Principal caller, String projectId, Integer limit, String cursor, boolean includeHidden);

    SessionSummary getSession(Principal caller, String sessionId);

    /** A page of messages: the newest, older or newer than a previous page's cursor, or around one message. */
    MessagesPage messages(Principal caller, String sessionId, MessagesQuery query);

    /** The messages of the session holding every word of {@code query} (what "next match" moves through). */
    SessionMatches matches(Principal caller, String sessionId, String query);

    String toolResult(Principal caller, String sessionId, long seq, String toolUseId);

    ImageData image(Principal caller, String sessionId, String imageId);

    SessionSummary renameSession(Principal caller, String sessionId, String title, ClientInfo client);

    void hideSession(Principal caller, String sessionId, boolean hidden, ClientInfo client);

    /** Hits across the caller's projects (or one), best first; {@code cursor} is a previous page's {@code nextCursor}. */
    Page<SearchResult> search(Principal caller, String query, String projectId, Integer limit, String cursor);

    /** Writes the whole session as Markdown. */
    void exportMarkdown(Principal caller, String sessionId, Appendable out) throws IOException;

    /** Streams every message, oldest first, for a JSON export. */
    void exportMessages(Principal caller, String sessionId, MessageSink sink) throws IOException;

    interface MessageSink {
        void accept(dev.ccui.domain.history.HistoryMessage message) throws IOException;
    }
}
