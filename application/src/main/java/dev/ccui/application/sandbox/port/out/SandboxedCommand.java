package dev.ccui.application.sandbox.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What to start in place of the request: exactly this command, environment and folder. */
public record SandboxedCommand(List<String> command, Map<String, String> environment, Path directory) {
    public SandboxedCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
