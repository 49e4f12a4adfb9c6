package dev.ccui.application.auth.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.user.User;

public interface CurrentUserUseCase {

    /** The caller's own account as it is now. */
    User currentUser(Principal principal);
}
