package dev.ccui.adapters.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which environment variables a started process may get: exact names and name prefixes, nothing
 * else. Processes are given an environment built from nothing through such a list, so the app's
 * own settings and secrets ({@code JWT_SECRET}, {@code DATABASE_URL}, any {@code CCUI_*}) can never
 * leak into them by being forgotten.
 */
public record EnvironmentAllowList(Set<String> names, List<String> prefixes) {
    public EnvironmentAllowList {
        names = Set.copyOf(names);
        prefixes = List.copyOf(prefixes);
    }

    public boolean passes(String name) {
        if (names.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The variables of each map that pass, later maps overriding earlier ones; null values are dropped. */
    @SafeVarargs
    public final Map<String, String> filter(Map<String, String>... layers) {
        Map<String, String> env = new TreeMap<>();
        for (Map<String, String> layer : layers) {
            layer.forEach((name, value) -> {
                if (value != null && passes(name)) {
                    env.put(name, value);
                }
            });
        }
        return env;
    }
}
