package dev.ccui.domain.error;

import java.util.Optional;

/** Input that breaks a rule; names the offending field when there is one. */
public final class InvalidException extends CcuiException {
    private final String field;

    public InvalidException(String message) {
        this(null, message);
    }

    public InvalidException(String field, String message) {
        super("INVALID", message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
