package dev.ccui.adapters.process.claude;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes a CLI process's stdin. Callers only queue whole lines, so lines of
 * concurrent callers never interleave and a CLI that stopped reading never blocks a caller.
 */
final class StdinWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StdinWriter.class);
    /** Tells the writer thread to close stdin; compared by identity, so no line can be mistaken for it. */
    private static final String END_OF_INPUT = new String("end of input");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    void write(String line) {
        lines.offer(line);
    }

    /** Closes stdin after the lines queued so far: the CLI reads that as "no more turns" and exits. */
    void end() {
        lines.offer(END_OF_INPUT);
    }

    /** Writes queued lines to {@code out} until {@link #end()}; runs on the writer thread. */
    void drainTo(OutputStream out, long pid) {
        try (out) {
            while (true) {
                String line = lines.take();
                if (line == END_OF_INPUT) {
                    return;
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("claude CLI process {} stopped reading its input: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
