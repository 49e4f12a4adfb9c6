package dev.ccui.domain.session;

import dev.ccui.domain.error.InvalidException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Claude Code session id (a UUID as the CLI writes it; kept as text, checked for a safe shape). */
public record SessionId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    public SessionId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidException("sessionId", "not a session id");
        }
    }

    public static Optional<SessionId> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new SessionId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
