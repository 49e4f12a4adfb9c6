package dev.ccui.application.run.port.in;

import dev.ccui.domain.run.PermissionMode;
import java.util.Map;

/**
 * A person's answer to a permission request.
 *
 * @param remember allow the same tool without asking for the rest of the session
 * @param answers  for a question ({@code AskUserQuestion}): the answer to each question, keyed by its text
 * @param mode     for a plan ({@code ExitPlanMode}) approved: the permission mode to carry it out in
 *                 ({@code null}: the CLI's default)
 */
public record PermissionAnswer(
        boolean allow, String message, boolean remember, Map<String, String> answers, PermissionMode mode) {
    public PermissionAnswer {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    public PermissionAnswer(boolean allow, String message, boolean remember) {
        this(allow, message, remember, Map.of(), null);
    }
}
