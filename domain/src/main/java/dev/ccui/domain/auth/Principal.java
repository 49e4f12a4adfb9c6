package dev.ccui.domain.auth;

import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of one request. {@code tokenId} is set for token sessions (so
 * logout can revoke exactly that token), {@code apiKeyId} for API-key calls.
 */
public record Principal(
        UserId userId,
        Username username,
        Role role,
        AuthMethod method,
        String tokenId,
        ApiKeyId apiKeyId,
        Set<ApiKeyScope> scopes,
        Set<Capability> capabilities) {
    /** A caller with its role's default capabilities (an admin all, a member none): closed unless granted. */
    public Principal(
            UserId userId,
            Username username,
            Role role,
            AuthMethod method,
            String tokenId,
            ApiKeyId apiKeyId,
            Set<ApiKeyScope> scopes) {
        this(userId, username, role, method, tokenId, apiKeyId, scopes, Capability.defaultsFor(role));
    }

    public Principal {
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Principal via(AuthMethod newMethod) {
        return new Principal(userId, username, role, newMethod, tokenId, apiKeyId, scopes, capabilities);
    }
}
