package dev.ccui.application.run.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.run.RunId;

public interface DecidePermissionUseCase {

    /** Answers a pending request; exactly one answer wins, any other gets a conflict (409). */
    void decide(Principal caller, RunId runId, String requestId, PermissionAnswer answer, ClientInfo client);
}
