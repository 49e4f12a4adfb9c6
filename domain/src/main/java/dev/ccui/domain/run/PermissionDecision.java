package dev.ccui.domain.run;

import java.util.List;
import java.util.Map;

/** A person's answer to a {@link RunEvent.PermissionRequest}. */
public sealed interface PermissionDecision {

    /** The wire name of the decision: {@code allow} or {@code deny}. */
    String behavior();

    /**
     * Let the tool run.
     *
     * @param updatedInput       the input to run it with; {@code null} runs it as the CLI asked
     * @param updatedPermissions rules the CLI should keep for the rest of the session (the
     *                           "remember" choice, usually one of the request's suggestions); empty for once
     */
    record Allow(Map<String, Object> updatedInput, List<Map<String, Object>> updatedPermissions)
            implements PermissionDecision {
        public Allow {
            updatedInput = updatedInput == null ? null : Map.copyOf(updatedInput);
            updatedPermissions = updatedPermissions == null ? List.of() : List.copyOf(updatedPermissions);
        }

        @Override
        public String behavior() {
            return "allow";
        }
    }

    /**
     * Refuse the tool; the model sees {@code message} as the tool's error.
     *
     * @param interrupt also stop the turn instead of letting the model go on
     */
    record Deny(String message, boolean interrupt) implements PermissionDecision {
        public Deny {
            message = message == null || message.isBlank() ? "The user denied this tool use." : message;
        }

        @Override
        public String behavior() {
            return "deny";
        }
    }

    static PermissionDecision allowOnce() {
        return new Allow(null, List.of());
    }

    static PermissionDecision deny(String message) {
        return new Deny(message, false);
    }
}
