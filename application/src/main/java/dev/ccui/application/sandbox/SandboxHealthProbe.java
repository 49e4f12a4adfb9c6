package dev.ccui.application.sandbox;

import dev.ccui.application.health.port.in.ProbeResult;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code checks.sandbox}: which sandbox the user processes run in (never takes the service down). */
public final class SandboxHealthProbe implements HealthProbe {
    private final ProcessSandbox sandbox;

    public SandboxHealthProbe(ProcessSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public ProbeResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", sandbox.mode());
        details.put("isolated", sandbox.isolates());
        details.putAll(sandbox.details());
        return new ProbeResult(ProbeResult.UP, null, details);
    }
}
