package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptWatchTest {
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path config;

    /** Waits until {@code expected} is reported, dropping other reports (a write may be reported twice). */
    private static void awaitReport(BlockingQueue<Path> reports, Path expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            Path next = reports.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(next).as("a report of %s", expected).isNotNull();
            if (next.equals(expected)) {
                return;
            }
        }
    }

    @Test
    void createdGrownAndDeletedTranscriptsAreReported() throws Exception {
        Path folder = Files.createDirectories(config.resolve("projects/-home-dev-proj"));
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());
        BlockingQueue<Path> reports = new LinkedBlockingQueue<>();
        Path file = folder.resolve("s.jsonl");

        AutoCloseable watch = store.watch(reports::add);
        try {
            assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> {
                assertThat(t.getName()).isEqualTo("ccui-transcript-watch");
                assertThat(t.isDaemon()).isTrue();
            });
            Files.createFile(file);
            awaitReport(reports, file);
            reports.clear();

            TestRecords.append(file, TestRecords.user("u1", "hello"));
            awaitReport(reports, file);
            reports.clear();

            Files.delete(file);
            awaitReport(reports, file);

            Files.writeString(folder.resolve("notes.txt"), "not a transcript");
            Path marker = folder.resolve("marker.jsonl");
            Files.createFile(marker);
            awaitReport(reports, marker);
            assertThat(reports).doesNotContain(folder.resolve("notes.txt"));
        } finally {
            watch.close();
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .noneSatisfy(t -> assertThat(t.getName()).isEqualTo("ccui-transcript-watch"));
    }

    @Test
    void aNewProjectFolderIsWatchedAndItsFirstFileReported() throws Exception {
        Files.createDirectories(config.resolve("projects"));
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());
        BlockingQueue<Path> reports = new LinkedBlockingQueue<>();

        AutoCloseable watch = store.watch(reports::add);
        try {
            Path folder = Files.createDirectories(config.resolve("projects/-home-dev-new"));
            Path file = folder.resolve("s.jsonl");
            TestRecords.append(file, TestRecords.user("u1", "hello"));
            awaitReport(reports, file);
            reports.clear();

            TestRecords.append(file, TestRecords.user("u2", "again"));
            awaitReport(reports, file);
        } finally {
            watch.close();
        }
    }

    @Test
    void aProjectsRootCreatedLaterIsPickedUp() throws Exception {
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());
        BlockingQueue<Path> reports = new LinkedBlockingQueue<>();

        AutoCloseable watch = store.watch(reports::add);
        try {
            Files.createDirectories(config.resolve("projects"));
            awaitReport(reports, store.projectsRoot());
            Path file = config.resolve("projects/p/s.jsonl");
            TestRecords.append(file, TestRecords.user("u1", "hello"));
            awaitReport(reports, file);
        } finally {
            watch.close();
        }
    }

    @Test
    void aConfigFolderThatDoesNotExistYetIsFollowedDownToTheProjectsRoot() throws Exception {
        // A machine where Claude Code never ran: not even ~/.claude exists when the app starts.
        Path missing = config.resolve("home/.claude");
        FileTranscriptStore store = new FileTranscriptStore(missing, TranscriptLimits.defaults());
        BlockingQueue<Path> reports = new LinkedBlockingQueue<>();

        AutoCloseable watch = store.watch(reports::add);
        try {
            Files.createDirectories(config.resolve("home"));
            Files.createDirectories(missing.resolve("projects/p"));
            awaitReport(reports, store.projectsRoot());
            Path file = missing.resolve("projects/p/s.jsonl");
            TestRecords.append(file, TestRecords.user("u1", "hello"));
            awaitReport(reports, file);
            Path second = missing.resolve("projects/q/t.jsonl");
            TestRecords.append(second, TestRecords.user("u2", "hello again"));
            awaitReport(reports, second);
        } finally {
            watch.close();
        }
    }

    @Test
    void tooManyChangesAtOnceAreReportedAsTheRootToRescan() throws Exception {
        Path folder = Files.createDirectories(config.resolve("projects/p"));
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());
        BlockingQueue<Path> reports = new LinkedBlockingQueue<>();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path first = folder.resolve("first.jsonl");
        AutoCloseable watch = store.watch(path -> {
            reports.add(path);
            if (path.equals(first)) {
                blocked.countDown();
                awaitQuietly(release);
            }
        });
        try {
            Files.createFile(first);
            assertThat(blocked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            // The watcher is busy: more events pile up than the JDK keeps for one folder (512).
            for (int i = 0; i < 600; i++) {
                Files.createFile(folder.resolve("s" + i + ".jsonl"));
            }
            release.countDown();

            // Nothing may be lost: either the pile-up overflowed and the root is reported (rescan
            // everything), or, when the JDK's poller was still handing events over while the
            // watcher drained them (a loaded machine), every file is reported on its own.
            Set<Path> files = new HashSet<>();
            boolean rootReported = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!rootReported && files.size() < 601) {
                Path next = reports.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(next)
                        .as("the root or all 601 files reported; %d files seen", files.size())
                        .isNotNull();
                rootReported = next.equals(store.projectsRoot());
                if (next.getParent().equals(folder)) {
                    files.add(next);
                }
            }
        } finally {
            release.countDown();
            watch.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
