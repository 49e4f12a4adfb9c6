package dev.ccui.domain.user;

import dev.ccui.domain.error.InvalidException;

/** What a new password must satisfy. Checked before hashing, never on login. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    public static void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidException(field, field + " is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidException(field, field + " must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidException(field, field + " must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidException(field, field + " must not be only spaces");
        }
    }
}
