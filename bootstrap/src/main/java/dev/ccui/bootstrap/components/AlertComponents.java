package dev.ccui.bootstrap.components;

import dev.ccui.adapters.persistence.disk.FileStoreDiskSpace;
import dev.ccui.adapters.process.alert.SmtpAlertSink;
import dev.ccui.adapters.process.alert.WebhookAlertSink;
import dev.ccui.application.alert.AlertService;
import dev.ccui.application.alert.AlertingAuditRepository;
import dev.ccui.application.alert.FanOutAlertSink;
import dev.ccui.application.alert.LogAlertSink;
import dev.ccui.application.alert.RunFailureAlerts;
import dev.ccui.application.alert.port.out.AlertSink;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.bootstrap.config.AlertConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts and the audit log, built before every other feature: each of them writes to the audit
 * log, and failed sign-ins reach the alert rules through it.
 */
public final class AlertComponents implements AutoCloseable {
    private final AlertService alerts;
    private final Auditor auditor;
    private final List<AutoCloseable> sinks;

    private AlertComponents(AlertService alerts, Auditor auditor, List<AutoCloseable> sinks) {
        this.alerts = alerts;
        this.auditor = auditor;
        this.sinks = sinks;
    }

    /** Alerts go to the log, and to a webhook and by mail when configured; disk space is watched in {@code dataDir}. */
    public static AlertComponents build(AlertConfig config, Path dataDir, AuditRepository audit, Clock clock) {
        var sinks = new ArrayList<AlertSink>(List.of(new LogAlertSink()));
        var closeable = new ArrayList<AutoCloseable>();
        config.webhookUrl().ifPresent(url -> {
            var webhook = new WebhookAlertSink(WebhookAlertSink.Settings.defaults(
                            URI.create(url), config.webhookSecret().orElse(null))
                    .withPreviousSecret(config.previousWebhookSecret().orElse(null)));
            sinks.add(webhook);
            closeable.add(webhook);
        });
        config.smtp().ifPresent(smtp -> {
            var mail = new SmtpAlertSink(smtp, clock);
            sinks.add(mail);
            closeable.add(mail);
        });
        var alerts = new AlertService(
                sinks.size() == 1 ? sinks.getFirst() : new FanOutAlertSink(sinks),
                new FileStoreDiskSpace(dataDir),
                clock,
                config.rules());
        return new AlertComponents(
                alerts, new Auditor(new AlertingAuditRepository(audit, alerts), clock), List.copyOf(closeable));
    }

    public AlertService alerts() {
        return alerts;
    }

    public Auditor auditor() {
        return auditor;
    }

    /** Runs that end as failed raise an alert. */
    public AutoCloseable alertOnFailedRuns(EventBus events) {
        return new RunFailureAlerts(alerts).listenTo(events);
    }

    /** Delivers what is queued (bounded), then stops the sinks' workers. */
    @Override
    public void close() {
        for (AutoCloseable sink : sinks) {
            try {
                sink.close();
            } catch (Exception e) {
                // Closing on the way out: an alert that cannot be delivered now is logged by the sink itself.
            }
        }
    }
}
