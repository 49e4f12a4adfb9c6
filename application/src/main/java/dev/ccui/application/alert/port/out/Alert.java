package dev.ccui.application.alert.port.out;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One notice for the operators. {@code fingerprint} names the incident (e.g.
 * {@code login-failures:203.0.113.7}): the same incident is sent once per cool-down window, and
 * {@code resolved} is true on the notice sent when it clears.
 */
public record Alert(
        Kind kind, Severity severity, String title, String detail, Instant at, String fingerprint, boolean resolved) {
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fingerprint, "fingerprint");
        detail = detail == null ? "" : detail;
    }

    public enum Kind {
        LOGIN_FAILURES("login_failures"),
        ERROR_RATE("error_rate"),
        RUN_CRASHED("run_crashed"),
        DEPENDENCY_DOWN("dependency_down"),
        DISK_LOW("disk_low");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
