package dev.ccui.domain.error;

public final class NotFoundException extends CcuiException {
    public NotFoundException(String message) {
        super("NOT_FOUND", message);
    }

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
