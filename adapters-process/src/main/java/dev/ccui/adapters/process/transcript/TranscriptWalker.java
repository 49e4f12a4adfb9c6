package dev.ccui.adapters.process.transcript;

import dev.ccui.application.history.port.out.TranscriptFile;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the transcripts below the projects root. Symlinked folders are never entered (no loops,
 * no escape); a symlinked file counts only when it resolves to a regular file inside the root.
 * Paths found twice (hard or symbolic links to one file) are listed once, by their real entry.
 */
final class TranscriptWalker {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWalker.class);

    private final Path root;
    private final TranscriptLimits limits;
    /** Folders already reported as unreadable, so a periodic rescan does not log them again. */
    private final Set<Path> reported = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean limitReported = new AtomicBoolean();

    TranscriptWalker(Path root, TranscriptLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    List<TranscriptFile> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            warnOnce(root, e);
            return List.of();
        }
        Visitor visitor = new Visitor(realRoot);
        try {
            // From the real root, so a projects folder that is itself a symlink is still walked.
            Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), limits.maxWalkDepth(), visitor);
        } catch (IOException e) {
            warnOnce(root, e);
        }
        if (visitor.found.size() >= limits.maxFiles() && limitReported.compareAndSet(false, true)) {
            LOG.warn(
                    "Stopped listing transcripts under {} at {} files (the limit); the rest are not indexed",
                    root,
                    limits.maxFiles());
        }
        List<TranscriptFile> files = new ArrayList<>(visitor.found.size());
        visitor.found.values().forEach(entry -> files.add(entry.file()));
        return files;
    }

    /**
     * One file's current state, by the same rules as {@link #list()} (a transcript's place in the
     * tree, a regular file whose real path stays inside the root), without walking the tree.
     */
    Optional<TranscriptFile> describe(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        if (!normalized.startsWith(root) || !isTranscriptPath(root.relativize(normalized))) {
            return Optional.empty();
        }
        try {
            Path real = normalized.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            BasicFileAttributes target = Files.readAttributes(real, BasicFileAttributes.class);
            if (!target.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new TranscriptFile(
                    normalized,
                    target.size(),
                    target.lastModifiedTime().toInstant(),
                    target.fileKey() == null ? null : target.fileKey().toString(),
                    Records.isSubagentFile(root.relativize(normalized))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a path is where a transcript lives: {@code <folder>/x.jsonl} or {@code <folder>/<session>/subagents/x.jsonl}. */
    private boolean isTranscriptPath(Path relative) {
        if (!relative.getFileName().toString().endsWith(".jsonl")) {
            return false;
        }
        int depth = relative.getNameCount();
        return depth == 2 || depth == 4 && relative.getName(2).toString().equals("subagents");
    }

    private void warnOnce(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return; // deleted while we walked: nothing to say
        }
        if (reported.add(path)) {
            LOG.warn("Skipping unreadable transcript folder {}: {}", path, e.toString());
        }
    }

    private record Entry(TranscriptFile file, boolean viaLink) {}

    private final class Visitor implements FileVisitor<Path> {
        private final Path realRoot;
        private final Map<Object, Entry> found = new LinkedHashMap<>();

        Visitor(Path realRoot) {
            this.realRoot = realRoot;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            int depth = dir.getNameCount() - realRoot.getNameCount();
            // Level 3 holds only the session folders' "subagents"; their other folders are not transcripts.
            if (depth == 3 && !dir.getFileName().toString().equals("subagents")) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            Path relative = realRoot.relativize(file);
            if (!isTranscriptPath(relative)) {
                return FileVisitResult.CONTINUE;
            }
            BasicFileAttributes target = attrs;
            boolean viaLink = attrs.isSymbolicLink();
            if (viaLink) {
                target = linkTarget(file);
                if (target == null) {
                    return FileVisitResult.CONTINUE;
                }
            }
            if (!target.isRegularFile()) {
                return FileVisitResult.CONTINUE; // FIFOs and devices would block or never end
            }
            Object key = target.fileKey() != null ? target.fileKey() : file;
            Entry existing = found.get(key);
            if (existing == null || existing.viaLink() && !viaLink) {
                found.put(
                        key,
                        new Entry(
                                new TranscriptFile(
                                        root.resolve(relative),
                                        target.size(),
                                        target.lastModifiedTime().toInstant(),
                                        target.fileKey() == null
                                                ? null
                                                : target.fileKey().toString(),
                                        Records.isSubagentFile(relative)),
                                viaLink));
            }
            return found.size() >= limits.maxFiles() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        /** The attributes of what a symlink points at, when that is inside the root; else null. */
        private BasicFileAttributes linkTarget(Path link) {
            try {
                Path real = link.toRealPath();
                if (!real.startsWith(realRoot)) {
                    return null;
                }
                return Files.readAttributes(real, BasicFileAttributes.class);
            } catch (IOException e) {
                return null; // dangling or looping link
            }
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            warnOnce(file, exc);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                warnOnce(dir, exc);
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
