package dev.ccui.bootstrap.bench;

/**
 * One measured figure of one app on one corpus, one JSON line in the results file.
 * {@code key} names the table row ({@link ComparisonTable}); {@code value} is in {@code unit}
 * (NaN when it could not be measured); {@code badge} is a few words the table cell shows next to it
 * (a wrong count, failed requests), {@code note} how it was taken, listed under the table.
 */
record Figure(
        String corpus, String target, String key, double value, String unit, String badge, String note, Load load) {}
