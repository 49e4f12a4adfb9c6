package dev.ccui.adapters.process.transcript;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports transcript changes as they happen (inotify on Linux): one registration on the
 * projects root and one on each project folder. When the root does not exist yet (Claude Code
 * never ran on this machine: not even {@code ~/.claude}), its nearest existing ancestor is
 * watched, one level closer each time a folder on the way appears, until the root exists. Anything missed (overflow, subagent folders) is reported as the
 * root itself, meaning "rescan", or left to the periodic rescan.
 */
final class TranscriptWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWatcher.class);
    private static final String THREAD_NAME = "ccui-transcript-watch";

    private final Path root;
    private final Consumer<Path> changed;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> registered = new HashSet<>();
    private final Thread thread;

    TranscriptWatcher(Path root, Consumer<Path> changed) throws IOException {
        this.root = root;
        this.changed = changed;
        this.service = root.getFileSystem().newWatchService();
        approachRoot(false);
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::run);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = folders.get(key);
                if (folder != null) {
                    handle(folder, key);
                }
                if (!key.reset()) {
                    registered.remove(folders.remove(key));
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("Transcript watch stopped");
        }
    }

    private void handle(Path folder, WatchKey key) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                report(root);
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            if (!folder.equals(root) && root.startsWith(folder)) {
                if (event.kind() == ENTRY_CREATE && root.startsWith(child)) {
                    approachRoot(true);
                }
            } else if (folder.equals(root)
                    && event.kind() == ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                registerProject(child, true);
            } else if (child.getFileName().toString().endsWith(".jsonl")) {
                report(child);
            }
        }
    }

    /**
     * Watches the root when it exists, else its nearest existing ancestor. Loops because
     * {@code mkdir -p} may have made the next levels before the ancestor's watch was in place.
     */
    private void approachRoot(boolean reportExisting) {
        while (!Files.isDirectory(root)) {
            Path ancestor = root.getParent();
            while (ancestor != null && !Files.isDirectory(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor == null || !register(ancestor)) {
                return;
            }
            Path next = root.subpath(0, ancestor.getNameCount() + 1);
            next = root.getRoot() == null ? next : root.getRoot().resolve(next);
            if (!Files.isDirectory(next)) {
                return;
            }
        }
        registerRoot(reportExisting);
        if (reportExisting) {
            report(root);
        }
    }

    private void registerRoot(boolean reportExisting) {
        if (!register(root)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    registerProject(entry, reportExisting);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {} to watch it: {}", root, e.toString());
        }
    }

    /** A folder that appeared may already hold files written before it was registered: report them. */
    private void registerProject(Path folder, boolean reportExisting) {
        if (!register(folder) || !reportExisting) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jsonl")) {
            entries.forEach(this::report);
        } catch (IOException e) {
            report(root);
        }
    }

    private boolean register(Path folder) {
        if (registered.contains(folder)) {
            return true;
        }
        try {
            WatchKey key = folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            folders.put(key, folder);
            registered.add(folder);
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot watch {}: {}", folder, e.toString());
            return false;
        }
    }

    private void report(Path path) {
        try {
            changed.accept(path);
        } catch (RuntimeException e) {
            LOG.warn("Transcript change handler failed for {}", path, e);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
