package dev.ccui.adapters.http.ws.socket;

/**
 * What a socket does for a reader that cannot keep up: at most {@code queueLimit} frames wait, and
 * the one past it closes the socket with {@code closeCode} and {@code reason}. Each endpoint keeps
 * the code its clients know (docs/api.md): {@code /ws} says 4408 "resubscribe", the terminal 1008
 * "reattach"; the client resumes from the last seq it saw either way.
 */
public record SlowReaderPolicy(int queueLimit, int closeCode, String reason) {
    public SlowReaderPolicy {
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queueLimit must be positive");
        }
    }
}
