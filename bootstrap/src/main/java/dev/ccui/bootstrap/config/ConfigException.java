package dev.ccui.bootstrap.config;

import java.util.List;

/** The configuration cannot be used; one clear line per problem. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
