package dev.ccui.adapters.process.sandbox;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts processes from one long-lived platform thread. bubblewrap's {@code --die-with-parent}
 * is the kernel's parent-death signal, which fires when the <em>thread</em> that forked the
 * process ends: a request or virtual-thread carrier thread that a pool retires would take a
 * running sandbox with it. This thread lives as long as the app.
 */
public final class ProcessStarter {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ccui-process-starter").daemon().factory());

    private ProcessStarter() {}

    public static <T> T start(Callable<T> start) throws IOException {
        try {
            return THREAD.submit(start).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a process", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
