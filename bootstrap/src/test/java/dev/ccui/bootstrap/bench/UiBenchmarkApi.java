package dev.ccui.bootstrap.bench;

import java.io.IOException;
import java.io.InputStream;

/**
 * The fake Messages API ({@link StreamingMessagesApi}) as a process of its own, for the browser
 * benchmark ({@code ops/bench/ui-benchmark.sh}, {@code web/perf/ui-benchmark.mjs}): prints
 * {@code fake Messages API listening on <url>} once it accepts requests, then serves until its
 * standard input closes (its parent ended or let go of it), and on exit prints how many deltas it
 * streamed per tag.
 */
public final class UiBenchmarkApi {
    private UiBenchmarkApi() {}

    public static void main(String[] args) throws IOException {
        try (StreamingMessagesApi api = new StreamingMessagesApi()) {
            System.out.println("fake Messages API listening on " + api.baseUrl());
            System.out.flush();
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // nothing to read: the parent only holds the pipe open while it needs the API
            }
            System.out.println("fake Messages API stopping; deltas streamed per tag: " + api.streamed
                    + ", other requests: " + api.otherRequests.get());
        }
        System.exit(0);
    }
}
