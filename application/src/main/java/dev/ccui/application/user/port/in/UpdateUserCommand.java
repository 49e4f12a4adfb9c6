package dev.ccui.application.user.port.in;

import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.PasswordPolicy;
import dev.ccui.domain.user.Role;
import java.util.Set;

/** Fields to change; null leaves a field as it is. */
public record UpdateUserCommand(Role role, Boolean disabled, String password, Set<Capability> capabilities) {
    public UpdateUserCommand(Role role, Boolean disabled, String password) {
        this(role, disabled, password, null);
    }

    public UpdateUserCommand {
        capabilities = capabilities == null ? null : Set.copyOf(capabilities);
        if (password != null) {
            PasswordPolicy.check("password", password);
        }
    }

    @Override
    public String toString() {
        return "UpdateUserCommand[role=" + role + ", disabled=" + disabled + ", capabilities=" + capabilities
                + ", password=" + (password == null ? "unchanged" : "***") + "]";
    }
}
