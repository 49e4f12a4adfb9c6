package dev.ccui.bootstrap.bench;

import java.util.Arrays;
import java.util.Locale;

/** p50/p99/max of measured durations in nanoseconds, printed in milliseconds. */
final class Percentiles {
    private Percentiles() {}

    static String of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
                at(sorted, 0.50),
                at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    /** The {@code q} quantile (nearest rank) in milliseconds; NaN for no samples. */
    static double ms(long[] nanos, double q) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return at(sorted, q);
    }

    private static double at(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
