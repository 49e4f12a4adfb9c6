package dev.ccui.application.project.port.in;

import dev.ccui.domain.error.InvalidException;

/** What a PATCH may change; null leaves a field as it is. */
public record ProjectChanges(String name, Boolean starred, Boolean archived) {
    public static final int MAX_NAME = 200;

    public ProjectChanges {
        if (name != null) {
            name = name.strip();
            if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidException(
                        "name", "name must have 1 to " + MAX_NAME + " characters and no control characters");
            }
        }
    }
}
