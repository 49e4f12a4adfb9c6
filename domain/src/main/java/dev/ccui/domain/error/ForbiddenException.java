package dev.ccui.domain.error;

public final class ForbiddenException extends CcuiException {
    public ForbiddenException(String message) {
        super("FORBIDDEN", message);
    }

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
