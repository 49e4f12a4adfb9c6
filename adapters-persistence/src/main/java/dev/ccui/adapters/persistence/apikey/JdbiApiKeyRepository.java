package dev.ccui.adapters.persistence.apikey;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiApiKeyRepository implements ApiKeyRepository {
    private static final String COLUMNS = "id, user_id, name, prefix, secret_hash, scopes, created_at, last_used_at";

    private final Jdbi jdbi;

    public JdbiApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ApiKey key) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (" + COLUMNS + ") VALUES "
                        + "(:id, :userId, :name, :prefix, :secretHash, :scopes, :createdAt, :lastUsedAt)")
                .bind("id", key.id().toString())
                .bind("userId", key.userId().toString())
                .bind("name", key.name())
                .bind("prefix", key.prefix())
                .bind("secretHash", key.secretHash())
                .bind(
                        "scopes",
                        key.scopes().stream()
                                .map(ApiKeyScope::wireName)
                                .sorted()
                                .collect(Collectors.joining(",")))
                .bind("createdAt", millis(key.createdAt()))
                .bind("lastUsedAt", millis(key.lastUsedAt()))
                .execute());
    }

    @Override
    public List<ApiKey> listByUser(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = :userId ORDER BY created_at, id")
                .bind("userId", userId.toString())
                .map(JdbiApiKeyRepository::map)
                .list());
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix")
                .bind("prefix", prefix)
                .map(JdbiApiKeyRepository::map)
                .findOne());
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
                .bind("id", id.toString())
                .map(JdbiApiKeyRepository::map)
                .findOne());
    }

    @Override
    public boolean delete(ApiKeyId id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_keys WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                == 1;
    }

    @Override
    public void touch(ApiKeyId id, Instant lastUsedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
                .bind("at", millis(lastUsedAt))
                .bind("id", id.toString())
                .execute());
    }

    private static ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<ApiKeyScope> scopes = Arrays.stream(rs.getString("scopes").split(","))
                .filter(s -> !s.isBlank())
                .map(ApiKeyScope::fromWire)
                .collect(Collectors.toSet());
        return new ApiKey(
                new ApiKeyId(UUID.fromString(rs.getString("id"))),
                new UserId(UUID.fromString(rs.getString("user_id"))),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getString("secret_hash"),
                scopes,
                instant(rs, "created_at"),
                instant(rs, "last_used_at"));
    }
}
