package dev.ccui.application.alert.port.in;

import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.domain.run.RunId;

/**
 * What the rest of the app tells the alerting: cheap calls, safe from any thread, never throwing.
 * The service decides whether a signal is an incident worth an alert.
 */
public interface AlertUseCase {

    /** Ignores everything (tests, or a composition without alerting). */
    AlertUseCase NONE = new AlertUseCase() {
        @Override
        public void loginFailed(String ip) {}

        @Override
        public void recordRequest(int status) {}

        @Override
        public void runCrashed(RunId runId, String detail) {}

        @Override
        public void healthChecked(HealthReport report) {}

        @Override
        public void checkDisk() {}
    };

    /** A failed sign-in from {@code ip} (the client address after trusted-proxy resolution). */
    void loginFailed(String ip);

    /** Every finished HTTP request, by status code: feeds the 5xx ratio of the last minute. */
    void recordRequest(int status);

    /** A run ended abnormally (the CLI crashed or was killed, not a normal end or a user stop). */
    void runCrashed(RunId runId, String detail);

    /** A health check's result: database and Redis not up raise an alert, back up resolve it. */
    void healthChecked(HealthReport report);

    /** Looks at the free space of the data dir now (also done periodically by {@code AlertMonitor}). */
    void checkDisk();
}
