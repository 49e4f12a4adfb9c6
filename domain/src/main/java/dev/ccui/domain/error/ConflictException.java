package dev.ccui.domain.error;

public final class ConflictException extends CcuiException {
    public ConflictException(String message) {
        super("CONFLICT", message);
    }

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
