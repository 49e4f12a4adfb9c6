package dev.ccui.bootstrap.bench;

import java.util.List;
import java.util.function.Supplier;

/** Measures a {@link Load} over a phase: CPU ticks of the machine, of the app and of this driver with its children. */
final class LoadMeter {
    private final Supplier<List<Long>> appPids;
    private final long self = ProcessHandle.current().pid();

    /** {@code appPids}: the app's processes, asked at each end of a phase (the app, its children, its database backends). */
    LoadMeter(Supplier<List<Long>> appPids) {
        this.appPids = appPids;
    }

    Phase begin() {
        return new Phase();
    }

    final class Phase {
        private final long started = System.nanoTime();
        private final double load1 = ProcStats.loadAverage()[0];
        private final long machine = ProcStats.machineBusyTicks();
        private final long app = appTicks();
        // This driver plus the children it waited for (wrk, jcmd): the benchmark's own work.
        private final long bench = ProcStats.cpuTicks(self, true);

        Load end() {
            double seconds = (System.nanoTime() - started) / 1e9;
            double ticks = Math.max(seconds, 1e-3) * ProcStats.TICKS_PER_SECOND;
            long appDelta = Math.max(0, appTicks() - app);
            long benchDelta = Math.max(0, ProcStats.cpuTicks(self, true) - bench);
            long machineDelta = ProcStats.machineBusyTicks() - machine;
            double others = Math.max(0, machineDelta - appDelta - benchDelta) / ticks;
            return new Load(load1, ProcStats.loadAverage()[0], appDelta / ticks, benchDelta / ticks, others, seconds);
        }
    }

    private long appTicks() {
        long sum = 0;
        for (long pid : appPids.get()) {
            sum += ProcStats.cpuTicks(pid, false);
        }
        return sum;
    }
}
