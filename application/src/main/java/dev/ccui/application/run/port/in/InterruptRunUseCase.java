package dev.ccui.application.run.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.run.RunId;

public interface InterruptRunUseCase {

    /** Asks the run to stop; it ends with {@code run_ended interrupted}. Nothing happens when it already ended. */
    void interrupt(Principal caller, RunId runId, ClientInfo client);
}
