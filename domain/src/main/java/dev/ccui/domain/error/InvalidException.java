package dev.ccui.domain.error;

import java.util.Optional;

/** Input that breaks a rule; names the offending field when there is one. */
public final class InvalidException extends CcuiException {
    private final String field;

    public InvalidException(String message) {
        this(null, message);
    }

    public InvalidException(String field, String message) {
        this("INVALID", field, message);
    }

    /** With a code of its own, for a refusal a client handles apart from other bad input. */
    public InvalidException(String code, String field, String message) {
        super(code, message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
