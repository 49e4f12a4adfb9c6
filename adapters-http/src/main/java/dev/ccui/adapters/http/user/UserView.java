package dev.ccui.adapters.http.user;

import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.User;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserView(
        String id,
        String username,
        String role,
        boolean disabled,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt,
        List<String> capabilities) {
    public static UserView of(User user) {
        return new UserView(
                user.id().toString(),
                user.username().value(),
                user.role().wireName(),
                user.disabled(),
                user.createdAt(),
                user.updatedAt(),
                user.lastLoginAt(),
                user.capabilities().stream().map(Capability::wireName).sorted().toList());
    }
}
