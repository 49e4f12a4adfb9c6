package dev.ccui.application.alert;

import dev.ccui.application.health.port.in.HealthUseCase;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic part of alerting, on one daemon thread: every {@code checkInterval} the health
 * checks (database, Redis), the data dir's free space, and the error rate (so it resolves when
 * traffic stops).
 */
public final class AlertMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private final AlertService alerts;
    private final HealthUseCase health;
    private final long intervalMillis;
    private ScheduledExecutorService timer;

    public AlertMonitor(AlertService alerts, HealthUseCase health, AlertSettings settings) {
        this.alerts = alerts;
        this.health = health;
        this.intervalMillis = Math.max(1000, settings.checkInterval().toMillis());
    }

    public synchronized AlertMonitor start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("ccui-alerts").daemon().factory());
            timer.scheduleWithFixedDelay(this::checkOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One round of the periodic checks (public for tests and for a check right after start-up). */
    public void checkOnce() {
        try {
            alerts.healthChecked(health.checkHealth());
        } catch (RuntimeException e) {
            LOG.warn("alert health check failed: {}", e.toString());
        }
        alerts.checkDisk();
        alerts.evaluateErrorRate();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
