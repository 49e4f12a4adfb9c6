package dev.ccui.adapters.process.sandbox;

import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import java.util.Map;

/**
 * {@code CCUI_SANDBOX=none}: processes run as the app's own user with the app's view of the
 * machine. Only for the single-user laptop, where that user owns the machine anyway; the app
 * refuses it in production and once a second account exists.
 */
public final class NoSandbox implements ProcessSandbox {
    private final String reason;

    public NoSandbox(String reason) {
        this.reason = reason;
    }

    @Override
    public String mode() {
        return "none";
    }

    @Override
    public boolean isolates() {
        return false;
    }

    @Override
    public Map<String, Object> details() {
        return reason == null ? Map.of() : Map.of("reason", reason);
    }

    @Override
    public SandboxedCommand prepare(SandboxRequest request) {
        return new SandboxedCommand(request.command(), request.environment(), request.project());
    }
}
