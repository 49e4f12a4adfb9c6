package dev.ccui.application.run.port.in;

import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;

/** The run a prompt became, and its session (new or continued). */
public record StartedRun(RunId runId, SessionId sessionId) {}
