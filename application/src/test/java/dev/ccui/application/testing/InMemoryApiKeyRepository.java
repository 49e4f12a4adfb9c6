package dev.ccui.application.testing;

import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final Map<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void insert(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public List<ApiKey> listByUser(UserId userId) {
        return keys.values().stream()
                .filter(k -> k.userId().equals(userId))
                .sorted(Comparator.comparing(ApiKey::createdAt))
                .toList();
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return keys.values().stream().filter(k -> k.prefix().equals(prefix)).findFirst();
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public boolean delete(ApiKeyId id) {
        return keys.remove(id) != null;
    }

    @Override
    public void touch(ApiKeyId id, Instant lastUsedAt) {
        keys.computeIfPresent(
                id,
                (k, key) -> new ApiKey(
                        key.id(),
                        key.userId(),
                        key.name(),
                        key.prefix(),
                        key.secretHash(),
                        key.scopes(),
                        key.createdAt(),
                        lastUsedAt));
    }

    void userDeleted(UserId user) {
        keys.values().removeIf(key -> key.userId().equals(user));
    }
}
