package dev.ccui.adapters.process.alert;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how alert mails go.
 *
 * @param security    {@code STARTTLS} (default: upgrade required, port 587), {@code IMPLICIT_TLS}
 *                    (SMTPS, port 465) or {@code NONE} (plain, only for a relay on the same host)
 * @param username    null when the server takes mail without AUTH
 * @param maxPerHour  mails per hour at most; alerts over it are logged and counted in the next mail
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        String username,
        String password,
        InternetAddress from,
        List<InternetAddress> to,
        int maxPerHour,
        Duration timeout) {

    public enum Security {
        STARTTLS,
        IMPLICIT_TLS,
        NONE
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        to = List.copyOf(to);
        if (to.isEmpty() || maxPerHour < 1 || port < 1 || port > 65535) {
            throw new IllegalArgumentException("smtp settings out of range");
        }
        username = username == null || username.isBlank() ? null : username;
    }

    /**
     * The settings from {@code CCUI_ALERT_SMTP_*}, or empty when {@code CCUI_ALERT_SMTP_HOST} is unset:
     * _HOST, _PORT (587; 465 with TLS=implicit; 25 with none), _TLS (starttls|implicit|none),
     * _USER, _PASSWORD, _FROM, _TO (comma-separated), _MAX_PER_HOUR (20).
     *
     * @throws IllegalArgumentException listing every malformed variable (never their secret values)
     */
    public static Optional<SmtpSettings> fromVariables(Function<String, String> variables) {
        String host = value(variables, "CCUI_ALERT_SMTP_HOST");
        if (host == null) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        String tls = Optional.ofNullable(value(variables, "CCUI_ALERT_SMTP_TLS"))
                .orElse("starttls")
                .toLowerCase(Locale.ROOT);
        Security security = switch (tls) {
            case "starttls" -> Security.STARTTLS;
            case "implicit", "smtps", "ssl" -> Security.IMPLICIT_TLS;
            case "none", "off" -> Security.NONE;
            default -> {
                problems.add("CCUI_ALERT_SMTP_TLS must be starttls, implicit or none, not '" + tls + "'");
                yield Security.STARTTLS;
            }
        };
        int defaultPort = switch (security) {
            case STARTTLS -> 587;
            case IMPLICIT_TLS -> 465;
            case NONE -> 25;
        };
        int port = integer(variables, "CCUI_ALERT_SMTP_PORT", defaultPort, 1, 65535, problems);
        int maxPerHour = integer(variables, "CCUI_ALERT_SMTP_MAX_PER_HOUR", 20, 1, 10_000, problems);
        String user = value(variables, "CCUI_ALERT_SMTP_USER");
        String password = variables.apply("CCUI_ALERT_SMTP_PASSWORD");
        if (user != null && (password == null || password.isEmpty())) {
            problems.add("CCUI_ALERT_SMTP_PASSWORD is required with CCUI_ALERT_SMTP_USER");
        }
        InternetAddress from = null;
        String fromText = value(variables, "CCUI_ALERT_SMTP_FROM");
        if (fromText == null) {
            problems.add("CCUI_ALERT_SMTP_FROM is required with CCUI_ALERT_SMTP_HOST (e.g. ccui-alerts@example.com)");
        } else {
            try {
                from = SmtpAlertSink.address(fromText);
            } catch (AddressException e) {
                problems.add("CCUI_ALERT_SMTP_FROM is not an e-mail address: '" + fromText + "'");
            }
        }
        List<InternetAddress> to = new ArrayList<>();
        String toText = value(variables, "CCUI_ALERT_SMTP_TO");
        if (toText == null) {
            problems.add("CCUI_ALERT_SMTP_TO is required with CCUI_ALERT_SMTP_HOST (comma-separated addresses)");
        } else {
            for (String one : toText.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    to.add(SmtpAlertSink.address(one.strip()));
                } catch (AddressException e) {
                    problems.add("CCUI_ALERT_SMTP_TO entry is not an e-mail address: '" + one.strip() + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return Optional.of(
                new SmtpSettings(host, port, security, user, password, from, to, maxPerHour, Duration.ofSeconds(15)));
    }

    private static String value(Function<String, String> variables, String name) {
        String v = variables.apply(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int integer(
            Function<String, String> variables, String name, int fallback, int min, int max, List<String> problems) {
        String v = value(variables, name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        return fallback;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + ", user="
                + (username == null ? "none" : username)
                + ", password=" + (password == null ? "none" : "***") + ", from=" + from + ", to=" + to
                + ", maxPerHour=" + maxPerHour + "]";
    }
}
