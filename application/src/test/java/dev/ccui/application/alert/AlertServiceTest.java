package dev.ccui.application.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.Alert.Kind;
import dev.ccui.application.alert.port.out.AlertSink;
import dev.ccui.application.alert.port.out.DiskSpace;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.run.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AlertServiceTest {
    private static final long GIB = 1L << 30;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final RecordingSink sink = new RecordingSink();
    private volatile DiskSpace.Usage disk = new DiskSpace.Usage(50 * GIB, 100 * GIB);
    private final AlertService alerts = new AlertService(sink, () -> disk, clock, AlertSettings.defaults());

    @Test
    void tenFailedLoginsFromOneIpWithinFiveMinutesRaiseOneAlert() {
        for (int i = 0; i < 9; i++) {
            alerts.loginFailed("203.0.113.7");
            alerts.loginFailed("198.51.100." + i); // other sources never add up
            clock.advance(Duration.ofSeconds(20));
        }
        assertThat(sink.alerts).isEmpty();

        alerts.loginFailed("203.0.113.7");
        assertThat(sink.alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.LOGIN_FAILURES);
            assertThat(a.fingerprint()).isEqualTo("login-failures:203.0.113.7");
            assertThat(a.detail()).startsWith("10 failed sign-ins from 203.0.113.7 within 5 min");
        });

        // The attack goes on: still one alert within the cool-down...
        for (int i = 0; i < 500; i++) {
            alerts.loginFailed("203.0.113.7");
        }
        clock.advance(Duration.ofMinutes(14));
        alerts.loginFailed("203.0.113.7");
        assertThat(sink.alerts).hasSize(1);

        // ...and one reminder after it, counting what was held back.
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            alerts.loginFailed("203.0.113.7");
        }
        assertThat(sink.alerts).hasSize(2);
        assertThat(sink.alerts.get(1).detail()).endsWith("(+500 repeat(s) suppressed since the last alert)");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotCount() {
        for (int i = 0; i < 30; i++) {
            alerts.loginFailed("203.0.113.8");
            clock.advance(Duration.ofSeconds(40)); // 5 min hold at most 8 of them
        }
        assertThat(sink.alerts).isEmpty();
    }

    @Test
    void failedLoginsReachTheServiceThroughTheAuditLog() {
        AuditRepository audit = new AlertingAuditRepository(new InMemoryAuditRepository(), alerts);
        for (int i = 0; i < 10; i++) {
            audit.append(new AuditEntry(
                    0, clock.instant(), null, "root", AuditAction.LOGIN_FAILED, "root", "192.0.2.1", false, null));
            audit.append(new AuditEntry(
                    0, clock.instant(), null, "root", AuditAction.LOGIN, "root", "192.0.2.1", true, null));
        }
        assertThat(sink.alerts).extracting(Alert::fingerprint).containsExactly("login-failures:192.0.2.1");
    }

    @Test
    void errorRateNeedsEnoughRequestsThenAlertsOnceAndResolves() {
        // 10 requests, all 5xx: below the minimum of 20 requests, no alert.
        for (int i = 0; i < 10; i++) {
            alerts.recordRequest(500);
        }
        assertThat(sink.alerts).isEmpty();

        // 100 requests, 5 % 5xx: at the threshold, not over it.
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 100; i++) {
            alerts.recordRequest(i >= 95 ? 503 : 200);
        }
        assertThat(sink.alerts).isEmpty();

        // One more 5xx in the same minute: 6 of 101 (5.9 %) is over 5 %: one alert, however many follow.
        for (int i = 0; i < 5; i++) {
            alerts.recordRequest(502);
            alerts.recordRequest(404); // 4xx are the client's fault, not counted as errors
        }
        for (int i = 0; i < 200; i++) {
            alerts.recordRequest(500);
        }
        assertThat(sink.alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.ERROR_RATE);
            assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
            assertThat(a.detail())
                    .startsWith("5.9 % of 101 requests in the last minute failed with 5xx (threshold 5.0 %)");
        });

        // A minute of healthy traffic later: resolved, once.
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(100));
            alerts.recordRequest(200);
        }
        assertThat(sink.alerts).hasSize(2);
        assertThat(sink.alerts.get(1).resolved()).isTrue();
        assertThat(sink.alerts.get(1).title()).isEqualTo("Server error rate back to normal");
    }

    @Test
    void errorRateResolvesWhenTrafficStops() {
        for (int i = 0; i < 30; i++) {
            alerts.recordRequest(500);
        }
        assertThat(sink.alerts).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        alerts.evaluateErrorRate();
        alerts.evaluateErrorRate();
        assertThat(sink.alerts).extracting(Alert::resolved).containsExactly(false, true);
    }

    @Test
    void everyCrashedRunCountsButOneAlertPerCooldown() {
        RunId first = RunId.random();
        alerts.runCrashed(first, "exit 137 (killed)");
        alerts.runCrashed(RunId.random(), "exit 1");
        alerts.runCrashed(RunId.random(), null);
        assertThat(sink.alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.RUN_CRASHED);
            assertThat(a.detail()).isEqualTo("run " + first + ": exit 137 (killed)");
        });
        clock.advance(Duration.ofMinutes(16));
        RunId fourth = RunId.random();
        alerts.runCrashed(fourth, "exit 2");
        assertThat(sink.alerts.get(1).detail())
                .isEqualTo("run " + fourth + ": exit 2 (+2 repeat(s) suppressed since the last alert)");
    }

    @Test
    void databaseAndRedisOutagesAlertOnceAndResolve() {
        alerts.healthChecked(report("up", "up", "missing"));
        assertThat(sink.alerts).isEmpty();

        for (int i = 0; i < 10; i++) {
            alerts.healthChecked(report("down", "degraded", "down"));
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(sink.alerts)
                .extracting(Alert::fingerprint)
                .containsExactlyInAnyOrder("dependency:database", "dependency:redis"); // claudeCli is not watched

        alerts.healthChecked(report("up", "degraded", "down"));
        alerts.healthChecked(report("up", "degraded", "down"));
        assertThat(sink.alerts).hasSize(3);
        assertThat(sink.alerts.get(2)).satisfies(a -> {
            assertThat(a.resolved()).isTrue();
            assertThat(a.fingerprint()).isEqualTo("dependency:database");
            assertThat(a.severity()).isEqualTo(Alert.Severity.INFO);
        });
    }

    @Test
    void diskNearlyFullByShareOrByBytes() {
        alerts.checkDisk();
        assertThat(sink.alerts).isEmpty();

        disk = new DiskSpace.Usage(4 * GIB, 100 * GIB); // 4 % free
        alerts.checkDisk();
        alerts.checkDisk();
        assertThat(sink.alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.DISK_LOW);
            assertThat(a.detail()).startsWith("4.0 GiB free of 100.0 GiB (4.0 %)");
        });

        disk = new DiskSpace.Usage(10 * GIB, 100 * GIB);
        alerts.checkDisk();
        assertThat(sink.alerts).hasSize(2);
        assertThat(sink.alerts.get(1).resolved()).isTrue();

        // A small volume: 50 % free but only 512 MiB, under the 1 GiB floor.
        clock.advance(Duration.ofMinutes(20));
        disk = new DiskSpace.Usage(GIB / 2, GIB);
        alerts.checkDisk();
        assertThat(sink.alerts).hasSize(3);
        assertThat(sink.alerts.get(2).detail()).startsWith("512.0 MiB free of 1.0 GiB (50.0 %)");
    }

    @Test
    void anUnreadableDiskOrAFailingSinkNeverReachesTheCaller() {
        var failing = new AlertService(
                a -> {
                    throw new IllegalStateException("sink down");
                },
                () -> {
                    throw new IllegalStateException("no store");
                },
                clock,
                AlertSettings.defaults());
        failing.checkDisk();
        for (int i = 0; i < 30; i++) {
            failing.recordRequest(500);
        }
    }

    @Test
    void theMonitorFeedsHealthDiskAndErrorRate() {
        disk = new DiskSpace.Usage(GIB / 4, 100 * GIB);
        var monitor = new AlertMonitor(alerts, () -> report("down", "up", "up"), AlertSettings.defaults());
        monitor.checkOnce();
        assertThat(sink.alerts)
                .extracting(Alert::fingerprint)
                .containsExactlyInAnyOrder("dependency:database", "disk-low:data-dir");
        monitor.close();
    }

    private static HealthReport report(String database, String redis, String cli) {
        return new HealthReport(
                "whatever",
                "test",
                1,
                Map.of(
                        "database",
                        new ProbeResult(database, 1L, Map.of()),
                        "redis",
                        new ProbeResult(redis, 1L, Map.of()),
                        "claudeCli",
                        new ProbeResult(cli, null, Map.of())));
    }

    static final class RecordingSink implements AlertSink {
        final List<Alert> alerts = new CopyOnWriteArrayList<>();

        @Override
        public void send(Alert alert) {
            alerts.add(alert);
        }
    }
}
