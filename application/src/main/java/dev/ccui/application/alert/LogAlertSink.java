package dev.ccui.application.alert;

import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes alerts to the log: critical as ERROR, others as WARN, resolved notices as INFO. Always on. */
public final class LogAlertSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ccui.alert");

    @Override
    public void send(Alert alert) {
        String format = "ALERT {} [{}] {}: {} (fingerprint {})";
        Object[] args = {
            alert.resolved() ? "resolved" : "firing",
            alert.kind().code(),
            alert.title(),
            alert.detail(),
            alert.fingerprint()
        };
        if (alert.resolved()) {
            LOG.info(format, args);
        } else if (alert.severity() == Alert.Severity.CRITICAL) {
            LOG.error(format, args);
        } else {
            LOG.warn(format, args);
        }
    }
}
