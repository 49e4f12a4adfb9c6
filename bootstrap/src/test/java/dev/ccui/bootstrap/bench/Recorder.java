package dev.ccui.bootstrap.bench;

import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Appends figures to the results file as they are taken (a run that fails half-way keeps what it measured) and echoes them. */
final class Recorder {
    private final Path results;
    private final String corpus;
    private final String target;

    Recorder(Path results, String corpus, String target) {
        this.results = results;
        this.corpus = corpus;
        this.target = target;
    }

    void record(String key, double value, String unit, String note, Load load) {
        record(key, value, unit, null, note, load);
    }

    void record(String key, double value, String unit, String badge, String note, Load load) {
        Figure figure = new Figure(corpus, target, key, value, unit, badge, note, load);
        try {
            Files.writeString(
                    results,
                    ApiClient.JSON.writeValueAsString(figure) + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(
                Locale.ROOT,
                "  %-28s %10.2f %-5s %s%s [load %.2f→%.2f, app %.2f, bench %.2f, others %.2f cores]%n",
                key,
                value,
                unit,
                badge == null ? "" : "(" + badge + ") ",
                note == null ? "" : note,
                load.load1Before(),
                load.load1After(),
                load.appCores(),
                load.benchCores(),
                load.othersCores());
    }
}
