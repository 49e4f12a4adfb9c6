package dev.ccui.domain.error;

import java.time.Duration;
import java.util.Optional;

/** A dependency or the service itself cannot answer now; the caller may retry later. */
public final class UnavailableException extends CcuiException {
    private final Duration retryAfter;

    public UnavailableException(String message) {
        this(message, null, null);
    }

    public UnavailableException(String message, Duration retryAfter, Throwable cause) {
        super("UNAVAILABLE", message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
