package dev.ccui.application.alert;

import dev.ccui.application.alert.port.in.AlertUseCase;
import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.Alert.Kind;
import dev.ccui.application.alert.port.out.Alert.Severity;
import dev.ccui.application.alert.port.out.AlertSink;
import dev.ccui.application.alert.port.out.DiskSpace;
import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.domain.run.RunId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signals (failed sign-ins, request statuses, crashed runs, health results, free disk) into
 * alerts. Each incident has a fingerprint; it is sent at most once per cool-down window, later
 * repeats are counted and mentioned in the next alert. Conditions that can clear (error rate,
 * a dependency, the disk) send one "resolved" notice when they do.
 */
public final class AlertService implements AlertUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    static final int MAX_TRACKED_SOURCES = 10_000;
    private static final int MAX_FINGERPRINTS = 10_000;
    private static final int WINDOW_SECONDS = 60;

    private final AlertSink sink;
    private final DiskSpace disk;
    private final Clock clock;
    private final AlertSettings settings;

    // All state below is guarded by `this`; sending happens outside the lock.
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Integer> suppressed = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Map<String, Deque<Instant>> loginFailures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_TRACKED_SOURCES;
        }
    };
    private final long[] bucketSecond = new long[WINDOW_SECONDS];
    private final int[] bucketTotal = new int[WINDOW_SECONDS];
    private final int[] bucketErrors = new int[WINDOW_SECONDS];
    private long lastEvaluatedSecond = Long.MIN_VALUE;

    public AlertService(AlertSink sink, DiskSpace disk, Clock clock, AlertSettings settings) {
        this.sink = sink;
        this.disk = disk;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void loginFailed(String ip) {
        if (ip == null || ip.isBlank()) {
            return;
        }
        Alert alert;
        synchronized (this) {
            Instant now = clock.instant();
            Deque<Instant> times = loginFailures.computeIfAbsent(ip, k -> new ArrayDeque<>());
            times.addLast(now);
            Instant from = now.minus(settings.loginWindow());
            while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
                times.removeFirst();
            }
            while (times.size() > settings.loginFailures() * 10) {
                times.removeFirst();
            }
            if (times.size() < settings.loginFailures()) {
                return;
            }
            alert = fireLocked(
                    Kind.LOGIN_FAILURES,
                    Severity.WARNING,
                    "login-failures:" + ip,
                    false,
                    "Repeated failed sign-ins from " + ip,
                    times.size() + " failed sign-ins from " + ip + " within " + human(settings.loginWindow())
                            + " (threshold " + settings.loginFailures() + ")");
        }
        deliver(alert);
    }

    @Override
    public void recordRequest(int status) {
        Alert alert;
        synchronized (this) {
            long second = clock.instant().getEpochSecond();
            int index = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
            if (bucketSecond[index] != second) {
                bucketSecond[index] = second;
                bucketTotal[index] = 0;
                bucketErrors[index] = 0;
            }
            bucketTotal[index]++;
            if (status >= 500) {
                bucketErrors[index]++;
            } else if (second == lastEvaluatedSecond) {
                return; // nothing new to decide: a success within the second already looked at
            }
            lastEvaluatedSecond = second;
            alert = evaluateErrorRateLocked(second);
        }
        deliver(alert);
    }

    /** Re-evaluates the error rate without a new request (so an incident resolves when traffic stops). */
    public void evaluateErrorRate() {
        Alert alert;
        synchronized (this) {
            alert = evaluateErrorRateLocked(clock.instant().getEpochSecond());
        }
        deliver(alert);
    }

    private Alert evaluateErrorRateLocked(long second) {
        long total = 0;
        long errors = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (bucketSecond[i] > second - WINDOW_SECONDS && bucketSecond[i] <= second) {
                total += bucketTotal[i];
                errors += bucketErrors[i];
            }
        }
        String fingerprint = "error-rate";
        double percent = total == 0 ? 0 : 100.0 * errors / total;
        if (total >= settings.errorRateMinRequests() && percent > settings.errorRatePercent()) {
            return fireLocked(
                    Kind.ERROR_RATE,
                    Severity.CRITICAL,
                    fingerprint,
                    true,
                    "High server error rate",
                    String.format(
                            Locale.ROOT,
                            "%.1f %% of %d requests in the last minute failed with 5xx (threshold %.1f %%)",
                            percent,
                            total,
                            settings.errorRatePercent()));
        }
        return resolveLocked(
                Kind.ERROR_RATE,
                fingerprint,
                "Server error rate back to normal",
                String.format(Locale.ROOT, "%.1f %% of %d requests in the last minute", percent, total));
    }

    @Override
    public void runCrashed(RunId runId, String detail) {
        Alert alert;
        synchronized (this) {
            // One fingerprint for all runs: a broken CLI crashing every run is one incident.
            alert = fireLocked(
                    Kind.RUN_CRASHED,
                    Severity.WARNING,
                    "run-crashed",
                    false,
                    "A run crashed",
                    "run " + runId + (detail == null || detail.isBlank() ? "" : ": " + detail));
        }
        deliver(alert);
    }

    @Override
    public void healthChecked(HealthReport report) {
        for (String name : settings.dependencies()) {
            ProbeResult result = report.checks().get(name);
            if (result == null || ProbeResult.MISSING.equals(result.status())) {
                continue;
            }
            Alert alert;
            synchronized (this) {
                if (result.isUp()) {
                    alert = resolveLocked(
                            Kind.DEPENDENCY_DOWN,
                            "dependency:" + name,
                            name + " is available again",
                            name + " is " + result.status());
                } else {
                    alert = fireLocked(
                            Kind.DEPENDENCY_DOWN,
                            Severity.CRITICAL,
                            "dependency:" + name,
                            true,
                            name + " is unavailable",
                            name + " is " + result.status()
                                    + (result.details().isEmpty() ? "" : " " + result.details()));
                }
            }
            deliver(alert);
        }
    }

    @Override
    public void checkDisk() {
        DiskSpace.Usage usage;
        try {
            usage = disk.usage();
        } catch (RuntimeException e) {
            LOG.warn("could not read the free space of the data dir: {}", e.getMessage());
            return;
        }
        double percent = 100.0 * usage.usableRatio();
        String figures = String.format(
                Locale.ROOT, "%s free of %s (%.1f %%)", bytes(usage.usableBytes()), bytes(usage.totalBytes()), percent);
        Alert alert;
        synchronized (this) {
            if (percent < settings.diskMinFreePercent() || usage.usableBytes() < settings.diskMinFreeBytes()) {
                alert = fireLocked(
                        Kind.DISK_LOW,
                        Severity.CRITICAL,
                        "disk-low:data-dir",
                        true,
                        "Data dir disk nearly full",
                        figures
                                + String.format(
                                        Locale.ROOT,
                                        "; thresholds %.1f %% / %s",
                                        settings.diskMinFreePercent(),
                                        bytes(settings.diskMinFreeBytes())));
            } else {
                alert = resolveLocked(
                        Kind.DISK_LOW, "disk-low:data-dir", "Data dir disk space back to normal", figures);
            }
        }
        deliver(alert);
    }

    /** The alert to send for this incident now, or null while it is in its cool-down window. */
    private Alert fireLocked(
            Kind kind, Severity severity, String fingerprint, boolean stateful, String title, String detail) {
        Instant now = clock.instant();
        Instant last = lastSent.get(fingerprint);
        if (last != null && now.isBefore(last.plus(settings.cooldown()))) {
            suppressed.merge(fingerprint, 1, Integer::sum);
            return null;
        }
        if (lastSent.size() >= MAX_FINGERPRINTS) {
            forgetExpiredLocked(now);
        }
        lastSent.put(fingerprint, now);
        if (stateful) {
            open.add(fingerprint);
        }
        Integer repeats = suppressed.remove(fingerprint);
        String more = repeats == null ? "" : " (+" + repeats + " repeat(s) suppressed since the last alert)";
        return new Alert(kind, severity, title, detail + more, now, fingerprint, false);
    }

    private Alert resolveLocked(Kind kind, String fingerprint, String title, String detail) {
        if (!open.remove(fingerprint)) {
            return null;
        }
        suppressed.remove(fingerprint);
        return new Alert(kind, Severity.INFO, title, detail, clock.instant(), fingerprint, true);
    }

    private void forgetExpiredLocked(Instant now) {
        lastSent.entrySet()
                .removeIf(e ->
                        !open.contains(e.getKey()) && !now.isBefore(e.getValue().plus(settings.cooldown())));
        suppressed.keySet().retainAll(lastSent.keySet());
    }

    private void deliver(Alert alert) {
        if (alert == null) {
            return;
        }
        try {
            sink.send(alert);
        } catch (RuntimeException e) {
            LOG.warn("could not send alert {}: {}", alert.fingerprint(), e.toString());
        }
    }

    private static String human(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " B";
    }
}
