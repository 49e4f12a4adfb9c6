package dev.ccui.application.history;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;

/**
 * One file's read under way: where it starts, and what its pieces carry on to the next. A file
 * arrives in several pieces when it is large, and each piece continues the session the one before
 * it named.
 */
final class FileRead {
    final ParsePipeline.Job job;
    boolean reset;
    SessionId knownSession;
    String previousMessageId;
    int badLines;
    boolean abandoned;
    ProjectId touched;

    FileRead(ParsePipeline.Job job, boolean reset, SessionId knownSession, int badLines) {
        this.job = job;
        this.reset = reset;
        this.knownSession = knownSession;
        this.previousMessageId = job.previousMessageId();
        this.badLines = badLines;
    }
}
