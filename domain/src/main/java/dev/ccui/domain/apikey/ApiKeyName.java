package dev.ccui.domain.apikey;

import dev.ccui.domain.error.InvalidException;

/** A person's label for a key, shown in lists. */
public final class ApiKeyName {
    public static final int MAX_LENGTH = 100;

    private ApiKeyName() {}

    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidException("name", "name is required");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidException("name", "name must have at most " + MAX_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidException("name", "name must not contain control characters");
        }
        return stripped;
    }
}
