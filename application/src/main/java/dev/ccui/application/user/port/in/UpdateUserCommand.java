package dev.ccui.application.user.port.in;

import dev.ccui.domain.user.PasswordPolicy;
import dev.ccui.domain.user.Role;

/** Fields to change; null leaves a field as it is. */
public record UpdateUserCommand(Role role, Boolean disabled, String password) {
    public UpdateUserCommand {
        if (password != null) {
            PasswordPolicy.check("password", password);
        }
    }

    @Override
    public String toString() {
        return "UpdateUserCommand[role=" + role + ", disabled=" + disabled + ", password=" + (password == null ? "unchanged" : "***") + "]";
    }
}
