package dev.ccui.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads variables and collects problems instead of stopping at the first, so all are listed at once. */
final class EnvironmentReader {
    private final Map<String, String> env;
    private final Path home;
    final List<String> problems = new ArrayList<>();

    EnvironmentReader(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    void problem(String line) {
        problems.add(line);
    }

    /** The raw variables, for the parts that read a family of their own ({@code CCUI_ALERT_*}, {@code CCUI_SANDBOX*}). */
    Map<String, String> variables() {
        return env;
    }

    Path home() {
        return home;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    List<String> list(String name) {
        return optional(name)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    Path path(String name, Path fallback) {
        return optional(name)
                .map(v -> v.startsWith("~/") ? home.resolve(v.substring(2)) : Path.of(v))
                .map(Path::toAbsolutePath)
                .map(Path::normalize)
                .orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        return parsed(
                name,
                fallback,
                text -> {
                    int value = Integer.parseInt(text);
                    if (value < min || value > max) {
                        throw new IllegalArgumentException();
                    }
                    return value;
                },
                "a whole number from " + min + " to " + max);
    }

    boolean bool(String name, boolean fallback) {
        return parsed(
                name,
                fallback,
                text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes", "on" -> true;
                    case "false", "0", "no", "off" -> false;
                    default -> throw new IllegalArgumentException();
                },
                "true or false");
    }

    Duration duration(String name, Duration fallback) {
        return parsed(name, fallback, Durations::parse, "a duration like 7d, 12h, 30m or 45s");
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(value.get());
        } catch (RuntimeException e) {
            problem(name + " must be " + expected + ", not '" + value.get() + "'");
            return fallback;
        }
    }
}
