package dev.ccui.domain.apikey;

import dev.ccui.domain.error.InvalidException;
import java.util.Locale;

/**
 * What an API key may do beyond the REST API of its owner. Code execution on the server
 * (the web shell) must be granted explicitly.
 */
public enum ApiKeyScope {
    API,
    TERMINAL,
    /** Admin routes, when the key's owner is an admin; an admin's key without it is a member's key. */
    ADMIN,
    /** Runs in {@code bypassPermissions} mode (the owner needs that capability too). */
    BYPASS_PERMISSIONS;

    public String wireName() {
        return this == BYPASS_PERMISSIONS ? "bypassPermissions" : name().toLowerCase(Locale.ROOT);
    }

    public static ApiKeyScope fromWire(String text) {
        for (ApiKeyScope scope : values()) {
            if (scope.wireName().equals(text)) {
                return scope;
            }
        }
        throw new InvalidException(
                "scopes", "unknown scope: use \"api\", \"terminal\", \"bypassPermissions\" or \"admin\"");
    }
}
