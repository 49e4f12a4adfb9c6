package dev.ccui.application.run.port.out;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;

/** Where forked sessions came from (the CLI's transcripts do not say it). */
public interface SessionForks {

    /** Records that {@code fork} was started from {@code origin}'s history; a second record of one fork is ignored. */
    void record(SessionId fork, SessionId origin, ProjectId projectId, UserId forkedBy, Instant at);
}
