package dev.ccui.application.user.port.in;

import dev.ccui.domain.user.PasswordPolicy;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.Username;
import java.util.Objects;

public record CreateUserCommand(Username username, String password, Role role) {
    public CreateUserCommand {
        Objects.requireNonNull(username, "username");
        PasswordPolicy.check("password", password);
        role = role == null ? Role.MEMBER : role;
    }

    @Override
    public String toString() {
        return "CreateUserCommand[username=" + username + ", role=" + role + "]";
    }
}
