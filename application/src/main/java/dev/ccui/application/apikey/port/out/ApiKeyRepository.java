package dev.ccui.application.apikey.port.out;

import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    List<ApiKey> listByUser(UserId userId);

    Optional<ApiKey> findByPrefix(String prefix);

    Optional<ApiKey> findById(ApiKeyId id);

    boolean delete(ApiKeyId id);

    void touch(ApiKeyId id, Instant lastUsedAt);
}
