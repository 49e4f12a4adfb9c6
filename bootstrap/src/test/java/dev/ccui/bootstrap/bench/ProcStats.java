package dev.ccui.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Readings from {@code /proc}: a process's memory and CPU time, the machine's CPU time and load average. */
final class ProcStats {
    /** Linux reports CPU times in USER_HZ ticks, 100 a second on every architecture it runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {}

    /** A {@code /proc/<pid>/status} field in kB ({@code VmRSS:}, {@code VmHWM:}); -1 when the process is gone. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU ticks of a process, and with {@code reaped} those of its waited-for children; 0 when gone. */
    static long cpuTicks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy CPU ticks of the whole machine, all cores (everything but idle and I/O wait). */
    static long machineBusyTicks() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
    }

    /** Processes whose command line contains {@code marker} (PostgreSQL backends show their database there). */
    static List<Long> pidsWithCommandLine(String marker) {
        try (var entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> commandLine(pid).contains(marker))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
