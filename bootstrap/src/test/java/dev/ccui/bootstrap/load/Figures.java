package dev.ccui.bootstrap.load;

import java.util.Arrays;
import java.util.List;

/** Percentiles and a least-squares slope, printed in one line a report can quote. */
public final class Figures {
    private Figures() {}

    /** "p50 … p99 … p999 … max" of these millisecond figures. */
    public static String percentiles(List<Double> millis) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return "no samples";
        }
        return "p50 " + round(at(sorted, 0.50)) + " ms, p99 " + round(at(sorted, 0.99)) + " ms, p999 "
                + round(at(sorted, 0.999)) + " ms, max " + round(sorted[sorted.length - 1]) + " ms (n=" + sorted.length
                + ")";
    }

    static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Slope of y over x by least squares (units of y per unit of x). */
    static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    public static String round(double value) {
        return Double.toString(Math.round(value * 10) / 10.0);
    }
}
