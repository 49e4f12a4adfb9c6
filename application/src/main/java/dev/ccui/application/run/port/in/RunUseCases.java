package dev.ccui.application.run.port.in;

/** Everything a client can do with runs, as the HTTP and WebSocket adapters need it together. */
public interface RunUseCases extends StartRunUseCase, InterruptRunUseCase, DecidePermissionUseCase, ListRunsUseCase,
        SessionEventsUseCase {
}
