package dev.ccui.adapters.process.sandbox;

/**
 * Per-sandbox limits: memory in bytes, number of processes/threads, CPUs (1.5 = one and a half
 * cores); 0 means no limit of that kind.
 */
public record SandboxLimits(long memoryBytes, int pids, double cpus) {
    public static SandboxLimits defaults() {
        return new SandboxLimits(4L * 1024 * 1024 * 1024, 1024, 0);
    }

    public boolean any() {
        return memoryBytes > 0 || pids > 0 || cpus > 0;
    }
}
