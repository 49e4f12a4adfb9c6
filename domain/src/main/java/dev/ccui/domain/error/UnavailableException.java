package dev.ccui.domain.error;

import java.time.Duration;
import java.util.Optional;

/** A dependency or the service itself cannot answer now; the caller may retry later. */
public final class UnavailableException extends CcuiException {
    private final Duration retryAfter;

    public UnavailableException(String message) {
        this(message, (Duration) null, null);
    }

    public UnavailableException(String message, Duration retryAfter, Throwable cause) {
        super("UNAVAILABLE", message, cause);
        this.retryAfter = retryAfter;
    }

    /** With its own code, for unavailability the client should tell apart (e.g. {@code MAINTENANCE}). */
    public UnavailableException(String code, String message, Duration retryAfter) {
        super(code, message, null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
