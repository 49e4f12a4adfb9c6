package dev.ccui.application.health.port.in;

public interface HealthUseCase {

    HealthReport checkHealth();
}
