package dev.ccui.application.auth.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;

public interface ChangePasswordUseCase {

    /** Changes the caller's password and revokes every other session token of theirs. */
    void changePassword(Principal principal, String currentPassword, String newPassword, ClientInfo client);
}
