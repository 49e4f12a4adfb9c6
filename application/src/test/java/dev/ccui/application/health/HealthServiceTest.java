package dev.ccui.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
    private static final Duration MAX_AGE = Duration.ofMillis(500);
    private static final Duration STUCK = Duration.ofSeconds(1);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** A database-like probe whose answer the test sets, counting how often it is asked. */
    private static class Probe implements HealthProbe {
        final AtomicInteger calls = new AtomicInteger();
        final boolean costly;
        volatile String status = ProbeResult.UP;
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        Probe(boolean costly) {
            this.costly = costly;
        }

        public String name() {
            return costly ? "database" : "index";
        }

        public boolean required() {
            return true;
        }

        public boolean costly() {
            return costly;
        }

        public ProbeResult check() {
            calls.incrementAndGet();
            if (release != null) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new ProbeResult(status, 1L, Map.of());
        }
    }

    private HealthService service(HealthProbe... probes) {
        return new HealthService(List.of(probes), "test", Clock.systemUTC(), MAX_AGE, STUCK, nanos::get);
    }

    @Test
    void aCostlyProbeIsAskedOnceWithinItsMaxAgeAndAgainAfterIt() {
        Probe database = new Probe(true);
        HealthService health = service(database);

        for (int i = 0; i < 100; i++) {
            assertThat(health.checkHealth().status()).isEqualTo("up");
        }
        assertThat(database.calls).hasValue(1);

        database.status = ProbeResult.DOWN;
        nanos.addAndGet(MAX_AGE.toNanos() - 1);
        assertThat(health.checkHealth().status()).isEqualTo("up");
        nanos.addAndGet(1);
        assertThat(health.checkHealth().status()).isEqualTo("down");
        assertThat(database.calls).hasValue(2);
    }

    @Test
    void aCheapProbeIsAskedEveryTime() {
        Probe index = new Probe(false);
        HealthService health = service(index);

        health.checkHealth();
        health.checkHealth();

        assertThat(index.calls).hasValue(2);
    }

    @Test
    void othersKeepThePreviousAnswerWhileOneRefreshesAndAHungProbeIsDownAfterTheLimit() throws Exception {
        Probe database = new Probe(true);
        HealthService health = service(database);
        health.checkHealth();
        nanos.addAndGet(MAX_AGE.toNanos());
        database.entered = new CountDownLatch(1);
        database.release = new CountDownLatch(1);
        AtomicReference<String> refresher = new AtomicReference<>();
        Thread thread = Thread.ofVirtual()
                .start(() -> refresher.set(health.checkHealth().status()));
        assertThat(database.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(health.checkHealth().status()).isEqualTo("up");
        nanos.addAndGet(STUCK.toNanos());
        var report = health.checkHealth();
        assertThat(report.status()).isEqualTo("down");
        assertThat(report.checks().get("database").details()).containsEntry("error", "no answer within 1000 ms");
        assertThat(database.calls).hasValue(2);

        database.release.countDown();
        thread.join(Duration.ofSeconds(10));
        assertThat(refresher.get()).isEqualTo("up");
    }

    @Test
    void aProbeThatThrowsIsDown() {
        HealthProbe broken = new Probe(true) {
            @Override
            public ProbeResult check() {
                throw new IllegalStateException("boom");
            }
        };

        var report = service(broken).checkHealth();

        assertThat(report.status()).isEqualTo("down");
        assertThat(report.checks().get("database").details()).containsEntry("error", "IllegalStateException");
    }
}
