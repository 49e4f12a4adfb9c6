package dev.ccui.adapters.persistence.redis;

import static dev.ccui.adapters.persistence.db.Rows.millis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token revocation shared by all nodes, in front of the database that stays the source of truth.
 *
 * <p>A revocation is written to the database, then marked in Redis ({@code revoked:<jti>}, living
 * until the token would have expired anyway) and announced on the {@code revocations} channel so
 * every node drops the token from its short "known active" cache. {@code isActive} asks Redis for
 * a mark first, then that cache, then the database. {@code revokeAllOf} marks each token it
 * revoked rather than keeping one per-user timestamp: it is exact about {@code keepTokenId},
 * needs no comparison of issue times written by different clocks, and {@code isActive} stays a
 * single GET on the token id (which is all the port gives us).
 *
 * <p>Without Redis every call goes to the database: correct, only slower. The cache is emptied
 * whenever the connection drops or comes back, since invalidations may have been missed meanwhile;
 * a node cut off from Redis alone while others revoke sees those revocations within the cache TTL.
 */
public final class RedisRevocationCache implements AuthTokenRepository, AutoCloseable {
    public static final Duration DEFAULT_ACTIVE_TTL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RedisRevocationCache.class);

    private final AuthTokenRepository database;
    private final Jdbi jdbi;
    private final RedisConnection redis;
    private final String channel;
    private final Cache<String, Active> activeUntil;

    private record Active(UserId owner, Instant until) {}

    private final RedisConnection.Subscription subscription;
    private final Outage outage;

    /**
     * @param database the JDBI repository (source of truth) this decorates
     * @param jdbi     the same database, read for the expiry of revoked tokens (the TTL of their marks)
     */
    public RedisRevocationCache(AuthTokenRepository database, Jdbi jdbi, RedisConnection redis) {
        this(database, jdbi, redis, DEFAULT_ACTIVE_TTL);
    }

    public RedisRevocationCache(AuthTokenRepository database, Jdbi jdbi, RedisConnection redis, Duration activeTtl) {
        this.database = database;
        this.jdbi = jdbi;
        this.redis = redis;
        this.channel = redis.key("revocations");
        this.activeUntil = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(activeTtl)
                .build();
        this.outage = new Outage(redis, LOG, "token revocations", "asking the database about every token");
        this.subscription = redis.subscribe(channel, activeUntil::invalidate);
        redis.onConnectionChange(activeUntil::invalidateAll);
    }

    @Override
    public void record(TokenClaims claims) {
        database.record(claims);
    }

    @Override
    public Optional<UserId> activeOwner(String tokenId, Instant now) {
        if (!outage.shouldTryRedis()) {
            return database.activeOwner(tokenId, now);
        }
        String mark;
        try {
            mark = redis.sync().get(markKey(tokenId));
        } catch (RuntimeException e) {
            lostRedis(e);
            return database.activeOwner(tokenId, now);
        }
        outage.succeeded();
        if (mark != null) {
            activeUntil.invalidate(tokenId);
            return Optional.empty();
        }
        Active cached = activeUntil.getIfPresent(tokenId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.owner());
        }
        Optional<Active> unrevoked = unrevoked(tokenId);
        if (unrevoked.isPresent() && now.isBefore(unrevoked.get().until())) {
            activeUntil.put(tokenId, unrevoked.get());
            return Optional.of(unrevoked.get().owner());
        }
        return Optional.empty();
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        database.revoke(tokenId, at);
        activeUntil.invalidate(tokenId);
        List<Revoked> revoked = jdbi.withHandle(h -> h.createQuery(
                        "SELECT jti, expires_at FROM auth_tokens WHERE jti = :jti")
                .bind("jti", tokenId)
                .map((rs, ctx) -> new Revoked(rs.getString("jti"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .list());
        publish(revoked, at);
    }

    @Override
    public int revokeAllOf(UserId userId, String keepTokenId, Instant at) {
        int count = database.revokeAllOf(userId, keepTokenId, at);
        if (count == 0) {
            return 0;
        }
        // The tokens this call revoked carry exactly its timestamp.
        List<Revoked> revoked = jdbi.withHandle(h -> h.createQuery(
                        "SELECT jti, expires_at FROM auth_tokens " + "WHERE user_id = :userId AND revoked_at = :at")
                .bind("userId", userId.toString())
                .bind("at", millis(at))
                .map((rs, ctx) -> new Revoked(rs.getString("jti"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .list());
        revoked.forEach(token -> activeUntil.invalidate(token.tokenId()));
        publish(revoked, at);
        return count;
    }

    @Override
    public int purgeExpired(Instant now) {
        // Marks in Redis expire with their tokens on their own.
        return database.purgeExpired(now);
    }

    private Optional<Active> unrevoked(String tokenId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id, expires_at FROM auth_tokens WHERE jti = :jti AND revoked_at IS NULL")
                .bind("jti", tokenId)
                .map((rs, ctx) -> {
                    Instant until = Instant.ofEpochMilli(rs.getLong("expires_at"));
                    return UserId.parse(rs.getString("user_id")).map(owner -> new Active(owner, until));
                })
                .findOne()
                .flatMap(found -> found));
    }

    private void publish(List<Revoked> revoked, Instant at) {
        try {
            var commands = redis.sync();
            for (Revoked token : revoked) {
                long ttlMs = Duration.between(at, token.expiresAt()).toMillis();
                if (ttlMs > 0) {
                    commands.set(markKey(token.tokenId()), Long.toString(at.toEpochMilli()), SetArgs.Builder.px(ttlMs));
                }
            }
            for (Revoked token : revoked) {
                commands.publish(channel, token.tokenId());
            }
            outage.succeeded();
        } catch (RuntimeException e) {
            // The database has it; other nodes' caches forget the token within their TTL.
            lostRedis(e);
        }
    }

    private String markKey(String tokenId) {
        return redis.key("revoked:" + tokenId);
    }

    private void lostRedis(RuntimeException e) {
        // Invalidations may be missed from now on, so no cached answer is trusted any more.
        activeUntil.invalidateAll();
        outage.failed(e);
    }

    @Override
    public void close() {
        subscription.close();
    }

    private record Revoked(String tokenId, Instant expiresAt) {}
}
