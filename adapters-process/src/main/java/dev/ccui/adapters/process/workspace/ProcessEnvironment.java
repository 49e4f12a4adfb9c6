package dev.ccui.adapters.process.workspace;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The environment a child of the server inherits: the server's own, minus its secrets. */
public final class ProcessEnvironment {
    private static final Set<String> SECRETS =
            Set.of("JWT_SECRET", "DATABASE_URL", "REDIS_URL", "METRICS_TOKEN", "PGPASSWORD");

    private ProcessEnvironment() {}

    /** Removes the app's secrets (and every {@code CCUI_*} setting) from {@code env}, in place. */
    public static void scrub(Map<String, String> env) {
        env.keySet().removeIf(ProcessEnvironment::isSecret);
    }

    static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRETS.contains(upper) || upper.startsWith("CCUI_");
    }
}
