package dev.ccui.application.auth.cache;

import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API key store, telling the {@link PrincipalCache} of every revoked key before it returns. */
public final class ForgettingApiKeyRepository implements ApiKeyRepository {
    private final ApiKeyRepository keys;
    private final PrincipalCache cache;

    public ForgettingApiKeyRepository(ApiKeyRepository keys, PrincipalCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    @Override
    public void insert(ApiKey key) {
        keys.insert(key);
    }

    @Override
    public List<ApiKey> listByUser(UserId userId) {
        return keys.listByUser(userId);
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return keys.findByPrefix(prefix);
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return keys.findById(id);
    }

    @Override
    public boolean delete(ApiKeyId id) {
        boolean deleted = keys.delete(id);
        cache.forgetApiKey(id);
        return deleted;
    }

    @Override
    public void touch(ApiKeyId id, Instant lastUsedAt) {
        keys.touch(id, lastUsedAt);
    }
}
