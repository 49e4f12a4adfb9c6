package dev.ccui.application.auth.cache;

import dev.ccui.domain.auth.Principal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authentication in front of {@link PrincipalCache}: the full check (signature, token row, user
 * row; or key prefix, hash, owner) runs on a miss, and its success is remembered. Bearer tokens
 * and API keys are kept apart by a prefix, so one can never be taken for the other.
 */
public final class CachedAuthentication implements CredentialCheck {
    private final CredentialCheck source;
    private final PrincipalCache cache;

    public CachedAuthentication(CredentialCheck source, PrincipalCache cache) {
        this.source = source;
        this.cache = cache;
    }

    @Override
    public Optional<Principal> byToken(String token) {
        return cached("t:", token, () -> source.byToken(token));
    }

    @Override
    public Optional<Principal> byApiKey(String apiKey) {
        return cached("k:", apiKey, () -> source.byApiKey(apiKey));
    }

    private Optional<Principal> cached(String kind, String credential, Supplier<Optional<Principal>> check) {
        if (credential == null || credential.isBlank()) {
            return check.get();
        }
        String key = kind + credential;
        Optional<Principal> known = cache.get(key);
        if (known.isPresent()) {
            return known;
        }
        Optional<Principal> checked = check.get();
        checked.ifPresent(principal -> cache.put(key, principal));
        return checked;
    }
}
