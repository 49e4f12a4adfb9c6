package dev.ccui.domain.error;

public final class PayloadTooLargeException extends CcuiException {
    public PayloadTooLargeException(String message) {
        super("PAYLOAD_TOO_LARGE", message);
    }

    public PayloadTooLargeException(String code, String message) {
        super(code, message);
    }
}
