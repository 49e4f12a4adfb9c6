package dev.ccui.domain.error;

public final class UnauthorizedException extends CcuiException {
    public UnauthorizedException(String message) {
        super("UNAUTHORIZED", message);
    }

    public UnauthorizedException(String code, String message) {
        super(code, message);
    }
}
