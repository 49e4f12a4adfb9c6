package dev.ccui.application.health.port.in;

public interface CheckHealthUseCase {

    HealthReport checkHealth();
}
