package dev.ccui.application.user.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import java.util.List;

/**
 * Administration of accounts: over HTTP, refused to non-admins; and from the command line on the
 * server ({@code …Locally}), without signing in: the way back in when the last admin forgot the password.
 */
public interface UserUseCase {

    List<User> listUsers(Principal caller);

    User getUser(Principal caller, UserId userId);

    User createUser(Principal caller, CreateUserCommand command, ClientInfo client);

    User updateUser(Principal caller, UserId userId, UpdateUserCommand command, ClientInfo client);

    void deleteUser(Principal caller, UserId userId, ClientInfo client);

    /**
     * Signs every account out everywhere (every session token revoked, the caller's too): after a
     * secret leaked, or once a rotated-out {@code JWT_SECRET_PREVIOUS} should stop counting.
     * API keys are not sessions and stay; revoke them one by one. Returns how many tokens ended.
     */
    int revokeAllSessions(Principal caller, ClientInfo client);

    User createUserLocally(String username, String password, Role role);

    User resetPasswordLocally(String username, String newPassword);

    List<User> listUsersLocally();

    /** {@code ccui sessions revoke-all}: what {@link #revokeAllSessions} does, from the server's shell. */
    int revokeAllSessionsLocally();
}
