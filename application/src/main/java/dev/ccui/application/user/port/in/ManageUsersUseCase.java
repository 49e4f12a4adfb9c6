package dev.ccui.application.user.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.user.User;
import java.util.List;

/** Administration of accounts; every call is refused to non-admins. */
public interface ManageUsersUseCase {

    List<User> listUsers(Principal caller);

    User getUser(Principal caller, String userId);

    User createUser(Principal caller, CreateUserCommand command, ClientInfo client);

    User updateUser(Principal caller, String userId, UpdateUserCommand command, ClientInfo client);

    void deleteUser(Principal caller, String userId, ClientInfo client);

    /**
     * Signs every account out everywhere (every session token revoked, the caller's too): after a
     * secret leaked, or once a rotated-out {@code JWT_SECRET_PREVIOUS} should stop counting.
     * API keys are not sessions and stay; revoke them one by one. Returns how many tokens ended.
     */
    int revokeAllSessions(Principal caller, ClientInfo client);
}
