package dev.ccui.application.run.port.in;

/**
 * A person's answer to a permission request.
 *
 * @param remember allow the same tool without asking for the rest of the session
 */
public record PermissionAnswer(boolean allow, String message, boolean remember) {
}
