package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.auth.JdbiAuthTokenRepository;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.events.AppEvent.ProjectsChanged;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.ratelimit.RateLimit;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the real Redis in the middle of a two-node scenario and starts it again: the nodes keep
 * limiting (locally), keep revoking (through the database), report degraded health, and return
 * to Redis on their own once it is back. Redis is started again whatever happens.
 */
class RedisRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRestartIT.class);
    private static final RateLimit LIMIT = new RateLimit("restart", 3, Duration.ofMinutes(10));

    @TempDir
    Path folder;

    @BeforeAll
    static void redisIsRunning() throws Exception {
        TestRedis.startServer();
    }

    @AfterAll
    static void redisIsRunningAgain() throws Exception {
        TestRedis.startServer();
    }

    @Test
    void theNodesDegradeWithoutRedisAndComeBackToIt() throws Exception {
        String namespace = TestRedis.uniqueNamespace();
        UserId alice = UserId.random();
        try (Database database = TestDatabases.sqlite(folder);
                RedisConnection redisA = TestRedis.connect(namespace);
                RedisConnection redisB = TestRedis.connect(namespace);
                var revocationA = new RedisRevocationCache(
                        new JdbiAuthTokenRepository(database.jdbi()), database.jdbi(), redisA, Duration.ofMinutes(5));
                var revocationB = new RedisRevocationCache(
                        new JdbiAuthTokenRepository(database.jdbi()), database.jdbi(), redisB, Duration.ofMinutes(5));
                var busA = new RedisEventBus(redisA, "node-a");
                var busB = new RedisEventBus(redisB, "node-b")) {
            Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            new JdbiUserRepository(database.jdbi())
                    .insert(new User(
                            alice, new Username("alice"), Role.MEMBER, false, "$2a$12$x", created, created, null));
            var limiterA = new RedisRateLimiter(redisA);
            var limiterB = new RedisRateLimiter(redisB);
            var health = new RedisHealthProbe(redisA);
            List<AppEvent> seenByA = new CopyOnWriteArrayList<>();
            List<AppEvent> seenByB = new CopyOnWriteArrayList<>();
            busA.subscribe(seenByA::add);
            busB.subscribe(seenByB::add);

            // Before: everything goes through Redis.
            assertThat(health.check().status()).isEqualTo(ProbeResult.UP);
            assertSharedLimit(limiterA, limiterB, "before");
            TokenClaims revokedWhileDown = issue(revocationA, alice);
            TokenClaims revokedAfter = issue(revocationA, alice);
            assertThat(revocationB.isActive(revokedWhileDown.tokenId(), Instant.now()))
                    .isTrue();
            assertThat(revocationB.isActive(revokedAfter.tokenId(), Instant.now()))
                    .isTrue();
            awaitFanOut(busA, seenByB);

            long stopStarted = System.nanoTime();
            try {
                TestRedis.shutdownServer();
                Duration noticed = TestRedis.await(
                        "both nodes lost Redis", Duration.ofSeconds(5), () -> !redisA.isUp() && !redisB.isUp());
                LOG.info("Redis stopped; the nodes noticed within {} ms", noticed.toMillis());

                ProbeResult down = health.check();
                assertThat(down.status()).isEqualTo(ProbeResult.DEGRADED);
                assertThat(down.details()).containsEntry("error", "redis unreachable");
                LOG.info("health while down: {} in {} ms", down.status(), down.latencyMs());

                // Fail-open is not no limit: each node's local buckets still limit.
                long start = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    assertThat(limiterA.tryConsume(LIMIT, "down").allowed()).isTrue();
                }
                assertThat(limiterA.tryConsume(LIMIT, "down").allowed()).isFalse();
                assertThat(limiterA.isFallingBack()).isTrue();
                LOG.info("4 local rate-limit decisions while down took {} µs", (System.nanoTime() - start) / 1_000);

                // Revocation goes to the database, and node B's earlier "active" answer is not trusted.
                revocationA.revoke(revokedWhileDown.tokenId(), Instant.now());
                assertThat(revocationB.isActive(revokedWhileDown.tokenId(), Instant.now()))
                        .isFalse();
                assertThat(revocationB.isActive(revokedAfter.tokenId(), Instant.now()))
                        .isTrue();

                // A node alone still hears its own events.
                var lonely = new ProjectsChanged(Set.of(ProjectId.random()));
                busA.publish(lonely);
                assertThat(seenByA).contains(lonely);
            } finally {
                TestRedis.startServer();
            }
            LOG.info("Redis was down for {} ms", (System.nanoTime() - stopStarted) / 1_000_000);

            Duration reconnected = TestRedis.await(
                    "both nodes reconnected", Duration.ofSeconds(10), () -> redisA.isUp() && redisB.isUp());
            LOG.info("the nodes reconnected {} ms after Redis was started", reconnected.toMillis());
            assertThat(health.check().status()).isEqualTo(ProbeResult.UP);

            Duration backToRedis = TestRedis.await("the limiter uses Redis again", Duration.ofSeconds(5), () -> {
                limiterA.tryConsume(LIMIT, "probe");
                return !limiterA.isFallingBack();
            });
            LOG.info("the limiter returned to Redis {} ms after reconnecting", backToRedis.toMillis());
            TestRedis.await("node B's limiter uses Redis again", Duration.ofSeconds(5), () -> {
                limiterB.tryConsume(LIMIT, "probe");
                return !limiterB.isFallingBack();
            });
            assertSharedLimit(limiterA, limiterB, "after");

            assertThat(revocationB.isActive(revokedWhileDown.tokenId(), Instant.now()))
                    .isFalse();
            assertThat(revocationB.isActive(revokedAfter.tokenId(), Instant.now()))
                    .isTrue();
            revocationA.revoke(revokedAfter.tokenId(), Instant.now());
            assertThat(redisA.sync().exists(namespace + "revoked:" + revokedAfter.tokenId()))
                    .isEqualTo(1);
            assertThat(revocationB.isActive(revokedAfter.tokenId(), Instant.now()))
                    .isFalse();

            Duration fanOut = awaitFanOut(busA, seenByB);
            LOG.info("events fan out again {} ms after reconnecting", fanOut.toMillis());
            TestRedis.deleteNamespace(redisA, namespace);
        }
    }

    @Test
    void aRedisThatStopsAnsweringCountsAsDownAfterOneTimeout() {
        String namespace = TestRedis.uniqueNamespace();
        try (RedisConnection admin = TestRedis.connect(namespace);
                RedisConnection redis = TestRedis.connect(namespace)) {
            var limiter = new RedisRateLimiter(redis);
            var health = new RedisHealthProbe(redis);
            assertThat(limiter.tryConsume(LIMIT, "slow").allowed()).isTrue();

            // Redis keeps the connections open but answers no client for a while.
            admin.sync().clientPause(1_500);
            long start = System.nanoTime();
            assertThat(limiter.tryConsume(LIMIT, "slow").allowed()).isTrue();
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(limiter.isFallingBack()).isTrue();
            assertThat(firstMs).isGreaterThanOrEqualTo(RedisConnection.DEFAULT_COMMAND_TIMEOUT.toMillis() - 50);

            start = System.nanoTime();
            assertThat(limiter.tryConsume(LIMIT, "slow").allowed()).isTrue();
            assertThat(limiter.tryConsume(LIMIT, "slow").allowed()).isTrue();
            assertThat(limiter.tryConsume(LIMIT, "slow").allowed()).isFalse();
            long nextMs = (System.nanoTime() - start) / 1_000_000;
            // Falling back, the next decisions no longer wait for Redis: well under one command timeout.
            assertThat(nextMs).isLessThan(RedisConnection.DEFAULT_COMMAND_TIMEOUT.toMillis());
            LOG.info(
                    "while Redis is paused: first decision {} ms (the timeout), the next three {} ms together",
                    firstMs,
                    nextMs);
            assertThat(health.check().status()).isEqualTo(ProbeResult.DEGRADED);

            Duration back = TestRedis.await("the limiter uses Redis again", Duration.ofSeconds(5), () -> {
                limiter.tryConsume(LIMIT, "after-pause");
                return !limiter.isFallingBack();
            });
            LOG.info("back on Redis {} ms after the last local decision", back.toMillis());
            assertThat(health.check().status()).isEqualTo(ProbeResult.UP);
            TestRedis.deleteNamespace(admin, namespace);
        }
    }

    private static void assertSharedLimit(RedisRateLimiter a, RedisRateLimiter b, String key) {
        assertThat(a.tryConsume(LIMIT, key).allowed()).isTrue();
        assertThat(b.tryConsume(LIMIT, key).allowed()).isTrue();
        assertThat(a.tryConsume(LIMIT, key).allowed()).isTrue();
        assertThat(b.tryConsume(LIMIT, key).allowed()).isFalse();
        assertThat(a.isFallingBack() || b.isFallingBack()).isFalse();
    }

    private static TokenClaims issue(RedisRevocationCache tokens, UserId user) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var claims = new TokenClaims(UUID.randomUUID().toString(), user, now, now.plus(Duration.ofHours(1)));
        tokens.record(claims);
        return claims;
    }

    /** Publishes until node B hears it, since resubscribing after a reconnect takes a moment. */
    private static Duration awaitFanOut(RedisEventBus from, List<AppEvent> seenByB) {
        return TestRedis.await("node B hears node A", Duration.ofSeconds(5), () -> {
            var event = new ProjectsChanged(Set.of(ProjectId.random()));
            from.publish(event);
            return TestRedis.awaitQuietly(Duration.ofMillis(200), () -> seenByB.contains(event));
        });
    }
}
