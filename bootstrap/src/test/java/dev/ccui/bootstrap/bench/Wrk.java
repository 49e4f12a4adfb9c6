package dev.ccui.bootstrap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk -t2 -c50} on a loopback URL and reads its summary. With the status-counting
 * script every answer that is not 2xx is counted; without it wrk counts those of 400 and above
 * only, but the script's Lua callback for each answer costs wrk CPU the server then lacks on two
 * cores (1–3 % of our {@code /api/health} rate, interleaved runs): so the warm-up checks the
 * statuses and the measured run goes without.
 */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("status-check: (\\d+) responses, (\\d+) not 2xx");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern ERROR_STATUSES = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern TIMEOUTS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Requests per second, latency percentiles in ms (NaN when nothing completed), answers that were not 2xx, socket errors. */
    record Result(
            double requestsPerSecond,
            double p50Ms,
            double p99Ms,
            long responses,
            long not2xx,
            long timeouts,
            long socketErrors,
            String output) {
        String statusNote() {
            return responses + " answers, " + not2xx + " not 2xx, " + timeouts + " timeouts"
                    + (socketErrors > 0 ? ", " + socketErrors + " other socket errors" : "");
        }
    }

    private Wrk() {}

    /** {@code checkStatuses}: with the status-counting script (see the class comment). */
    static Result run(BenchSettings settings, String url, String token, int seconds, boolean checkStatuses)
            throws IOException, InterruptedException {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        List<String> command = new ArrayList<>(
                List.of(settings.wrk(), "-t2", "-c50", "-d" + seconds + "s", "--timeout", "2s", "--latency"));
        if (checkStatuses) {
            command.addAll(List.of("-s", settings.wrkScript().toString()));
        }
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return parse(output);
    }

    static Result parse(String output) {
        Matcher rate = RATE.matcher(output);
        double rps = rate.find() ? Double.parseDouble(rate.group(1)) : 0;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double ms = Double.parseDouble(percentile.group(2))
                    * switch (percentile.group(3)) {
                        case "us" -> 0.001;
                        case "ms" -> 1;
                        case "s" -> 1_000;
                        default -> 60_000;
                    };
            if (percentile.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        long responses;
        long not2xx;
        Matcher status = STATUS.matcher(output);
        if (status.find()) {
            responses = Long.parseLong(status.group(1));
            not2xx = Long.parseLong(status.group(2));
        } else {
            // Without the script: wrk's own count of answers, and of those of 400 and above.
            Matcher requests = REQUESTS.matcher(output);
            Matcher errorStatuses = ERROR_STATUSES.matcher(output);
            responses = requests.find() ? Long.parseLong(requests.group(1)) : 0;
            not2xx = errorStatuses.find() ? Long.parseLong(errorStatuses.group(1)) : 0;
        }
        Matcher errors = TIMEOUTS.matcher(output);
        long timeouts = 0;
        long socket = 0;
        if (errors.find()) {
            timeouts = Long.parseLong(errors.group(4));
            socket =
                    Long.parseLong(errors.group(1)) + Long.parseLong(errors.group(2)) + Long.parseLong(errors.group(3));
        }
        if (responses == 0) {
            p50 = Double.NaN;
            p99 = Double.NaN;
        }
        return new Result(rps, p50, p99, responses, not2xx, timeouts, socket, output);
    }
}
