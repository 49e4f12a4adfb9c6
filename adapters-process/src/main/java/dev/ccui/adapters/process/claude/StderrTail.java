package dev.ccui.adapters.process.claude;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last lines a CLI process wrote to stderr. Its stderr must be drained or the CLI blocks on a
 * full pipe, and only the end says why it died: the tail goes into the exit event and the health
 * check, everything else only to the debug log.
 */
final class StderrTail {
    private static final Logger LOG = LoggerFactory.getLogger(StderrTail.class);
    static final int LINES = 20;
    static final int LINE_CHARS = 2000;
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private final Deque<String> lines = new ArrayDeque<>();
    private final CountDownLatch done = new CountDownLatch(1);

    /** Reads {@code err} to its end (on the caller's thread) keeping the last {@link #LINES} lines. */
    void readFrom(InputStream err, long pid) {
        try (err) {
            BoundedLineReader reader = new BoundedLineReader(err, MAX_LINE_BYTES);
            BoundedLineReader.Line line;
            while ((line = reader.next()) != null) {
                String text = line.text() == null ? "[" + line.skippedBytes() + " bytes skipped]" : line.text();
                if (text.length() > LINE_CHARS) {
                    text = text.substring(0, LINE_CHARS) + "…";
                }
                LOG.debug("claude CLI process {} stderr: {}", pid, text);
                add(text);
            }
        } catch (IOException e) {
            LOG.debug("reading the stderr of claude CLI process {} ended: {}", pid, e.toString());
        } finally {
            done.countDown();
        }
    }

    private synchronized void add(String text) {
        lines.addLast(text);
        if (lines.size() > LINES) {
            lines.removeFirst();
        }
    }

    /**
     * Waits until stderr ended, at most {@code wait}: a process that exited may still have its
     * last words in the pipe, but a grandchild holding stderr open must not hold the exit up.
     */
    void awaitEnd(Duration wait) throws InterruptedException {
        done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
