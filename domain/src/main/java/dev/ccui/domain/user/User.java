package dev.ccui.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An account. {@code passwordHash} is opaque here: only the password hasher reads it. */
public record User(
        UserId id,
        Username username,
        Role role,
        boolean disabled,
        String passwordHash,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt,
        Set<Capability> capabilities) {
    /** An account with its role's default capabilities. */
    public User(
            UserId id,
            Username username,
            Role role,
            boolean disabled,
            String passwordHash,
            Instant createdAt,
            Instant updatedAt,
            Instant lastLoginAt) {
        this(
                id,
                username,
                role,
                disabled,
                passwordHash,
                createdAt,
                updatedAt,
                lastLoginAt,
                Capability.defaultsFor(role));
    }

    public User {
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isActiveAdmin() {
        return role == Role.ADMIN && !disabled;
    }

    public User withRole(Role newRole, Instant at) {
        return new User(id, username, newRole, disabled, passwordHash, createdAt, at, lastLoginAt, capabilities);
    }

    public User withDisabled(boolean newDisabled, Instant at) {
        return new User(id, username, role, newDisabled, passwordHash, createdAt, at, lastLoginAt, capabilities);
    }

    public User withPasswordHash(String newHash, Instant at) {
        return new User(id, username, role, disabled, newHash, createdAt, at, lastLoginAt, capabilities);
    }

    public User withCapabilities(Set<Capability> newCapabilities, Instant at) {
        return new User(id, username, role, disabled, passwordHash, createdAt, at, lastLoginAt, newCapabilities);
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public User withLastLoginAt(Instant at) {
        return new User(id, username, role, disabled, passwordHash, createdAt, updatedAt, at, capabilities);
    }
}
