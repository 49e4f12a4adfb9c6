package dev.ccui.application.user.port.in;

import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import java.util.List;

/**
 * What the operator can do from the command line on the server, without signing in: the way
 * back in when the last admin forgot the password.
 */
public interface AdminCommandsUseCase {

    User createUserLocally(String username, String password, Role role);

    User resetPasswordLocally(String username, String newPassword);

    List<User> listUsersLocally();

    /** {@code ccui sessions revoke-all}: what {@link ManageUsersUseCase#revokeAllSessions} does, from the server's shell. */
    int revokeAllSessionsLocally();
}
