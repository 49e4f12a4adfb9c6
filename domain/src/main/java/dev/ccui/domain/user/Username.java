package dev.ccui.domain.user;

import dev.ccui.domain.error.InvalidException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A login name. Kept to a conservative ASCII alphabet so that two names that look alike on
 * screen are never two different accounts, and compared case-insensitively.
 */
public record Username(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    public Username {
        if (value == null || value.isBlank()) {
            throw new InvalidException("username", "username is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidException(
                    "username",
                    "username must be 2 to 64 characters: letters, digits, '.', '_', '-', '@', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
