package dev.ccui.bootstrap.config;

import dev.ccui.adapters.process.sandbox.SandboxLimits;
import dev.ccui.adapters.process.sandbox.SandboxNetwork;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox settings: {@code CCUI_SANDBOX} ({@code bwrap}, {@code none}; unset: bubblewrap when
 * it works here), {@code CCUI_SANDBOX_NETWORK} ({@code pasta}, {@code host}; unset: pasta when it
 * works here), {@code CCUI_SANDBOX_MEMORY} ({@code 4g}, {@code 512m}, {@code 0} for none),
 * {@code CCUI_SANDBOX_PIDS} (1024), {@code CCUI_SANDBOX_CPUS} ({@code 1.5}; 0 for none).
 *
 * @param mode          {@code bwrap}, {@code none}, or empty for automatic
 * @param network       the network, or empty for automatic
 * @param loopbackPorts the loopback ports of {@code ANTHROPIC_BASE_URL} (a local Messages API) a sandbox may reach
 */
public record SandboxConfig(
        Optional<String> mode, Optional<SandboxNetwork> network, SandboxLimits limits, List<Integer> loopbackPorts) {

    /** Reads the sandbox variables, adding each malformed one to {@code problems}. */
    static SandboxConfig read(Map<String, String> env, boolean production, List<String> problems) {
        Optional<String> mode = value(env, "CCUI_SANDBOX").map(v -> v.toLowerCase(Locale.ROOT));
        if (mode.isPresent() && !mode.get().equals("bwrap") && !mode.get().equals("none")) {
            problems.add("CCUI_SANDBOX must be 'bwrap' or 'none', not '" + mode.get() + "'");
        }
        if (production && mode.isPresent() && mode.get().equals("none")) {
            problems.add("CCUI_SANDBOX=none is not allowed in production: every user's runs, shells and git would run "
                    + "with the app's own rights (install bubblewrap and use CCUI_SANDBOX=bwrap)");
        }
        Optional<SandboxNetwork> network = Optional.empty();
        Optional<String> net = value(env, "CCUI_SANDBOX_NETWORK");
        if (net.isPresent()) {
            switch (net.get().toLowerCase(Locale.ROOT)) {
                case "pasta" -> network = Optional.of(SandboxNetwork.PASTA);
                case "host" -> network = Optional.of(SandboxNetwork.HOST);
                default -> problems.add("CCUI_SANDBOX_NETWORK must be 'pasta' or 'host', not '" + net.get() + "'");
            }
        }
        SandboxLimits defaults = SandboxLimits.defaults();
        long memory = defaults.memoryBytes();
        int pids = defaults.pids();
        double cpus = defaults.cpus();
        try {
            memory = value(env, "CCUI_SANDBOX_MEMORY").map(SandboxConfig::bytes).orElse(memory);
        } catch (RuntimeException e) {
            problems.add("CCUI_SANDBOX_MEMORY must be a size like 4g or 512m (0: no limit), not '"
                    + env.get("CCUI_SANDBOX_MEMORY") + "'");
        }
        try {
            pids = value(env, "CCUI_SANDBOX_PIDS").map(Integer::parseInt).orElse(pids);
            if (pids < 0 || pids > 0 && pids < 16) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            problems.add("CCUI_SANDBOX_PIDS must be 0 (no limit) or at least 16, not '" + env.get("CCUI_SANDBOX_PIDS")
                    + "'");
        }
        try {
            cpus = value(env, "CCUI_SANDBOX_CPUS").map(Double::parseDouble).orElse(cpus);
            if (cpus < 0 || cpus > 1024 || cpus > 0 && cpus < 0.01) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            problems.add("CCUI_SANDBOX_CPUS must be a number of CPUs like 2 or 0.5 (0: no limit), not '"
                    + env.get("CCUI_SANDBOX_CPUS") + "'");
        }
        return new SandboxConfig(mode, network, new SandboxLimits(memory, pids, cpus), loopbackPorts(env));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static long bytes(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'b') {
            t = t.substring(0, t.length() - 1);
            last = t.charAt(t.length() - 1);
        }
        switch (last) {
            case 'k' -> unit = 1024L;
            case 'm' -> unit = 1024L * 1024;
            case 'g' -> unit = 1024L * 1024 * 1024;
            case 't' -> unit = 1024L * 1024 * 1024 * 1024;
            default -> {
                return Long.parseLong(t);
            }
        }
        long value = Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * unit);
        if (value < 0 || value > 0 && value < 16L * 1024 * 1024) {
            throw new IllegalArgumentException("too small");
        }
        return value;
    }

    /** A Messages API on the app machine's loopback (the tests' fake, a local proxy) stays reachable from sandboxes. */
    private static List<Integer> loopbackPorts(Map<String, String> env) {
        return value(env, "ANTHROPIC_BASE_URL")
                .flatMap(url -> {
                    try {
                        URI uri = URI.create(url);
                        String host = uri.getHost();
                        if (host == null
                                || !(host.equals("127.0.0.1")
                                        || host.equals("localhost")
                                        || host.equals("[::1]")
                                        || host.equals("::1"))) {
                            return Optional.empty();
                        }
                        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
                        return Optional.of(List.of(port));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                })
                .orElse(List.of());
    }

    public boolean networkConfigured() {
        return network.isPresent();
    }
}
