package dev.ccui.application.run.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;

public interface StartRunUseCase {

    /**
     * Starts (or, for a known client message id, returns) a run. Refuses with 429 beyond the
     * per-user or global limit of active runs and with 409 while the session has an active run.
     */
    StartedRun start(Principal caller, StartRunCommand command, ClientInfo client);
}
