package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.RunEvent;

/**
 * Receives what one CLI process does. Calls for one process come one at a time, in the order
 * the CLI printed its lines, and {@link #onExit} comes last. Implementations must not block
 * for long: the CLI's output waits meanwhile.
 */
public interface RunListener {

    void onEvent(RunEvent event);

    void onExit(ProcessExit exit);
}
