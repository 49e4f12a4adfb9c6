package dev.ccui.bootstrap.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's knobs, passed as {@code -Dbench.*} system properties by {@code ops/bench/side-by-side.sh}. */
record BenchSettings(
        Path jar,
        String java,
        List<String> javaOpts,
        String databaseUrl,
        String databaseMarker,
        String claudeCli,
        Path referenceDir,
        Path referencePreload,
        String node,
        String wrk,
        String vmtouch,
        Path wrkScript,
        int wrkWarmupSeconds,
        int wrkSeconds,
        int settleSeconds,
        int requests,
        int appends,
        boolean extras,
        Path jfr,
        Path pidFile,
        int listingTimeoutSeconds) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Path.of(property("bench.jar", "bootstrap/target/ccui.jar")).toAbsolutePath(),
                property(
                        "bench.java",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                Arrays.stream(property("bench.javaOpts", "").split("\\s+"))
                        .filter(s -> !s.isBlank())
                        .toList(),
                property("bench.databaseUrl", ""),
                property("bench.databaseMarker", ""),
                property("bench.claudeCli", "/nonexistent"),
                Path.of(property("bench.reference.dir", "")),
                Path.of(property("bench.reference.preload", "")),
                property("bench.node", "node"),
                property("bench.wrk", "wrk"),
                property("bench.vmtouch", "vmtouch"),
                Path.of(property("bench.wrk.script", "ops/bench/wrk-status.lua"))
                        .toAbsolutePath(),
                Integer.parseInt(property("bench.wrk.warmup", "4")),
                Integer.parseInt(property("bench.wrk.seconds", "8")),
                Integer.parseInt(property("bench.settle", "10")),
                Integer.parseInt(property("bench.requests", "300")),
                Integer.parseInt(property("bench.appends", "30")),
                Boolean.parseBoolean(property("bench.extras", "true")),
                property("bench.jfr", "").isEmpty()
                        ? null
                        : Path.of(property("bench.jfr", "")).toAbsolutePath(),
                property("bench.pids", "").isEmpty()
                        ? null
                        : Path.of(property("bench.pids", "")).toAbsolutePath(),
                Integer.parseInt(property("bench.listingTimeout", "1800")));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
