package dev.ccui.adapters.http;

import dev.ccui.application.alert.port.in.AlertUseCase;
import dev.ccui.application.health.port.in.HealthReport;
import dev.ccui.domain.run.RunId;
import java.util.List;

/** Alerting that only keeps the statuses the HTTP server hands to the error rate. */
final class ErrorRateRecorder implements AlertUseCase {
    private final List<Integer> statuses;

    ErrorRateRecorder(List<Integer> statuses) {
        this.statuses = statuses;
    }

    @Override
    public void loginFailed(String ip) {}

    @Override
    public void recordRequest(int status) {
        statuses.add(status);
    }

    @Override
    public void runCrashed(RunId runId, String detail) {}

    @Override
    public void healthChecked(HealthReport report) {}

    @Override
    public void checkDisk() {}
}
