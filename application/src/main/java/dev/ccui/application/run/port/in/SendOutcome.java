package dev.ccui.application.run.port.in;

import dev.ccui.domain.run.QueuedMessage;

/** What became of a prompt: a run, or a place in its session's queue. */
public sealed interface SendOutcome {

    record Started(StartedRun run) implements SendOutcome {}

    /** @param interrupting the running turn was asked to stop so that this message goes next (send now) */
    record Queued(QueuedMessage message, boolean interrupting) implements SendOutcome {}
}
