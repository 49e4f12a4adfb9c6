package dev.ccui.application.alert;

import dev.ccui.application.alert.port.out.Alert;
import dev.ccui.application.alert.port.out.AlertSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each alert to every sink; one failing sink never keeps the alert from the others. */
public final class FanOutAlertSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutAlertSink.class);
    private final List<AlertSink> sinks;

    public FanOutAlertSink(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void send(Alert alert) {
        for (AlertSink sink : sinks) {
            try {
                sink.send(alert);
            } catch (RuntimeException e) {
                LOG.warn("alert sink {} failed: {}", sink.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
