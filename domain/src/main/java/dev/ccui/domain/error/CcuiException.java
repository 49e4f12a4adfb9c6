package dev.ccui.domain.error;

/**
 * The one exception root of the application. Each subclass maps to exactly one HTTP status in
 * one place (the HTTP adapter); {@link #code()} is the stable machine-readable error code and
 * the message is safe to show to the person who made the request.
 */
public abstract sealed class CcuiException extends RuntimeException
        permits NotFoundException,
                ConflictException,
                ForbiddenException,
                InvalidException,
                UnavailableException,
                UnauthorizedException,
                TooManyRequestsException,
                PayloadTooLargeException {

    private final String code;

    protected CcuiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    protected CcuiException(String code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
