package dev.ccui.application.apikey.port.in;

import dev.ccui.domain.apikey.ApiKey;

/** A key just made: the only time its secret is known to anyone but its holder. */
public record CreatedApiKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "CreatedApiKey[id=" + key.id() + ", prefix=" + key.prefix() + "]";
    }
}
