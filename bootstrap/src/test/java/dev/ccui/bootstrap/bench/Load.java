package dev.ccui.bootstrap.bench;

/**
 * The machine's load while one figure was taken: the 1-minute load average before and after, the
 * cores the app used, and the cores everything else on the machine used (other builds and tests on
 * a shared machine; the benchmark's own driver and wrk are counted apart, under {@code benchCores}).
 */
record Load(
        double load1Before,
        double load1After,
        double appCores,
        double benchCores,
        double othersCores,
        double seconds) {}
