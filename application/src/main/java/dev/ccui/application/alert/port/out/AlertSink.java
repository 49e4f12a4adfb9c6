package dev.ccui.application.alert.port.out;

/**
 * Where alerts go (log, webhook, ...). {@link #send} must return quickly and never throw: it is
 * called on request and run threads.
 */
public interface AlertSink {

    void send(Alert alert);
}
