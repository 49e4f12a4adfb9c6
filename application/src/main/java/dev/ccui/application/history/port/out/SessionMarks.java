package dev.ccui.application.history.port.out;

import dev.ccui.domain.session.SessionId;

/**
 * What people decide about indexed sessions, apart from what the transcripts say: a title given
 * in the app, and hiding. The indexer keeps these when it reads a file again. (Moving a folder's
 * sessions to a newly registered project is the project feature's port, {@code FolderSessions}.)
 */
public interface SessionMarks {

    void setAppTitle(SessionId id, String title);

    void setHidden(SessionId id, boolean hidden);
}
