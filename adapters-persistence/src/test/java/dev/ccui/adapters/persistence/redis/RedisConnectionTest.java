package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.health.port.in.ProbeResult;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What needs no Redis: reading the URL without leaking its password, and starting while Redis is absent. */
class RedisConnectionTest {

    @Test
    void theDescriptionOfAUrlNeverHoldsItsPassword() {
        assertThat(RedisConnection.describe(RedisConnection.parse("redis://:s3cret@cache.internal:6380/2")))
                .isEqualTo("redis://cache.internal:6380/2")
                .doesNotContain("s3cret");
        assertThat(RedisConnection.describe(RedisConnection.parse("rediss://user:s3cret@cache.internal")))
                .isEqualTo("rediss://cache.internal:6379/0");
    }

    @Test
    void aBadUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> RedisConnection.parse("http://:s3cret@host:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> RedisConnection.parse("redis://:s3cret@"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> RedisConnection.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeStartsWhileRedisIsUnreachableAndFailsFastMeanwhile() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var redis =
                new RedisConnection("redis://:s3cret@127.0.0.1:" + closedPort, "ccui-test:", Duration.ofMillis(200))) {
            assertThat(redis.isUp()).isFalse();
            long start = System.nanoTime();
            assertThatThrownBy(redis::sync)
                    .isInstanceOf(RedisException.class)
                    .message()
                    .doesNotContain("s3cret");
            // Refused at once while disconnected, not after waiting out the command timeout.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));

            ProbeResult health = new RedisHealthProbe(redis).check();
            assertThat(health.status()).isEqualTo(ProbeResult.DEGRADED);
            assertThat(health.details()).containsEntry("error", "redis unreachable");
        }
    }
}
