package dev.ccui.domain.error;

import java.time.Duration;

/** A rate limit or a concurrency limit was reached; {@link #retryAfter()} says when to try again. */
public final class TooManyRequestsException extends CcuiException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super("RATE_LIMITED", message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
