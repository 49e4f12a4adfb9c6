package dev.ccui.application.auth.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;

public interface LogoutUseCase {

    /** Revokes the caller's token everywhere. */
    void logout(Principal principal, ClientInfo client);
}
