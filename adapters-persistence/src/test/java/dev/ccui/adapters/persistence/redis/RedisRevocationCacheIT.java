package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.auth.JdbiAuthTokenRepository;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes, each with its own Redis connection and cache, over one database. */
class RedisRevocationCacheIT {
    // Long enough that only an invalidation, never the TTL, can explain a node changing its mind.
    private static final Duration LONG_CACHE = Duration.ofMinutes(5);

    @TempDir
    Path folder;

    private Database database;
    private String namespace;
    private RedisConnection redisA;
    private RedisConnection redisB;
    private RedisRevocationCache nodeA;
    private RedisRevocationCache nodeB;
    private UserId alice;

    @BeforeAll
    static void redisIsRunning() throws Exception {
        TestRedis.startServer();
    }

    @BeforeEach
    void open() {
        database = TestDatabases.sqlite(folder);
        alice = UserId.random();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        new JdbiUserRepository(database.jdbi())
                .insert(new User(alice, new Username("alice"), Role.MEMBER, false, "$2a$12$x", created, created, null));
        namespace = TestRedis.uniqueNamespace();
        redisA = TestRedis.connect(namespace);
        redisB = TestRedis.connect(namespace);
        nodeA = new RedisRevocationCache(
                new JdbiAuthTokenRepository(database.jdbi()), database.jdbi(), redisA, LONG_CACHE);
        nodeB = new RedisRevocationCache(
                new JdbiAuthTokenRepository(database.jdbi()), database.jdbi(), redisB, LONG_CACHE);
    }

    @AfterEach
    void close() throws Exception {
        nodeA.close();
        nodeB.close();
        TestRedis.deleteNamespace(redisA, namespace);
        redisA.close();
        redisB.close();
        database.close();
    }

    private TokenClaims issue(Duration lifetime) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var claims = new TokenClaims(UUID.randomUUID().toString(), alice, now, now.plus(lifetime));
        nodeA.record(claims);
        return claims;
    }

    @Test
    void aRevocationOnOneNodeIsSeenByTheOtherThatHadCachedTheTokenAsActive() {
        TokenClaims token = issue(Duration.ofHours(1));
        assertThat(nodeB.isActive(token.tokenId(), Instant.now())).isTrue();

        nodeA.revoke(token.tokenId(), Instant.now());

        // Well before the 5 s local cache would have expired: the revocation travelled through Redis.
        Duration seenAfter = TestRedis.await(
                "node B sees the revocation",
                Duration.ofSeconds(3),
                () -> !nodeB.isActive(token.tokenId(), Instant.now()));
        assertThat(seenAfter).isLessThan(Duration.ofSeconds(3));
        assertThat(new JdbiAuthTokenRepository(database.jdbi()).isActive(token.tokenId(), Instant.now()))
                .isFalse();
        String mark = namespace + "revoked:" + token.tokenId();
        assertThat(redisA.sync().exists(mark)).isEqualTo(1);
        assertThat(redisA.sync().pttl(mark))
                .isBetween(
                        Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
    }

    @Test
    void thePubSubInvalidationAloneEvictsTheOtherNodesCacheEntry() {
        TokenClaims token = issue(Duration.ofHours(1));
        assertThat(nodeB.isActive(token.tokenId(), Instant.now())).isTrue();

        nodeA.revoke(token.tokenId(), Instant.now());
        // Without the mark, only the channel message can make B stop trusting its cached answer.
        redisA.sync().del(namespace + "revoked:" + token.tokenId());

        TestRedis.await(
                "node B's cache entry is evicted",
                Duration.ofSeconds(1),
                () -> !nodeB.isActive(token.tokenId(), Instant.now()));
    }

    @Test
    void revokeAllOfMarksEveryRevokedTokenButTheKeptOne() {
        TokenClaims kept = issue(Duration.ofHours(1));
        TokenClaims other = issue(Duration.ofHours(1));
        TokenClaims third = issue(Duration.ofMinutes(10));
        for (TokenClaims token : new TokenClaims[] {kept, other, third}) {
            assertThat(nodeB.isActive(token.tokenId(), Instant.now())).isTrue();
        }

        assertThat(nodeA.revokeAllOf(alice, kept.tokenId(), Instant.now())).isEqualTo(2);

        assertThat(nodeB.isActive(other.tokenId(), Instant.now())).isFalse();
        assertThat(nodeB.isActive(third.tokenId(), Instant.now())).isFalse();
        assertThat(nodeB.isActive(kept.tokenId(), Instant.now())).isTrue();
        assertThat(redisA.sync()
                        .exists(namespace + "revoked:" + other.tokenId(), namespace + "revoked:" + third.tokenId()))
                .isEqualTo(2);
        assertThat(redisA.sync().exists(namespace + "revoked:" + kept.tokenId()))
                .isZero();
        assertThat(redisA.sync().pttl(namespace + "revoked:" + third.tokenId()))
                .isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(nodeA.revokeAllOf(alice, kept.tokenId(), Instant.now())).isZero();
    }

    @Test
    void aCachedTokenStillExpiresAndUnknownTokensAreNeverActive() {
        TokenClaims token = issue(Duration.ofMinutes(1));
        assertThat(nodeB.isActive(token.tokenId(), Instant.now())).isTrue();
        assertThat(nodeB.isActive(token.tokenId(), token.expiresAt())).isFalse();
        assertThat(nodeB.isActive("no-such-token", Instant.now())).isFalse();
        nodeA.revoke("no-such-token", Instant.now());
        assertThat(redisA.sync().exists(namespace + "revoked:no-such-token")).isZero();
        assertThat(nodeA.purgeExpired(token.expiresAt())).isEqualTo(1);
    }
}
