package dev.ccui.domain.apikey;

import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A key for automation. Only a hash of the secret is kept; {@code prefix} is the public,
 * non-secret start of the key that lets a person recognise it and lets us find it.
 */
public record ApiKey(
        ApiKeyId id,
        UserId userId,
        String name,
        String prefix,
        String secretHash,
        Set<ApiKeyScope> scopes,
        Instant createdAt,
        Instant lastUsedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secretHash, "secretHash");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
