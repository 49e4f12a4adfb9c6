package dev.ccui.adapters.process.workspace.files;

import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FolderArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder of a project as a zip. Planned first (walked without following links, counted against
 * the caps) so a folder too large is refused with a clear error before the answer starts; then
 * streamed, each file checked again as it is opened.
 *
 * <p>Links: never followed into a folder, so a link loop (or a link to a parent) cannot make the
 * walk endless or the archive repeat itself; a link to a file inside the project is archived as
 * that file's content; a link that leads out of the project, or nowhere, is left out.
 */
final class FolderZip implements FolderArchive {
    /** Deeper than any real tree; a pathological one is refused rather than walked. */
    private static final int MAX_DEPTH = 256;

    private record Item(String name, Path source, long size, FileTime modified) {
        boolean folder() {
            return source == null;
        }
    }

    private final Path realRoot;
    private final String name;
    private final List<Item> items;
    private final long bytes;
    private final long maxBytes;

    private FolderZip(Path realRoot, String name, List<Item> items, long bytes, long maxBytes) {
        this.realRoot = realRoot;
        this.name = name;
        this.items = items;
        this.bytes = bytes;
        this.maxBytes = maxBytes;
    }

    static FolderZip plan(Path realRoot, RelativePath folder, long maxBytes, int maxEntries) {
        Path top = Confined.existing(realRoot, folder);
        if (!Files.isDirectory(top)) {
            throw new InvalidException("path", "not a folder: " + folder + " (download a file as it is)");
        }
        String name = folder.isRoot() ? realRoot.getFileName().toString() : folder.name();
        List<Item> items = new ArrayList<>();
        long[] bytes = {0};
        try {
            Files.walkFileTree(top, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new FileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String relative = top.relativize(dir).toString();
                    add(new Item(
                            relative.isEmpty() ? name + "/" : name + "/" + relative + "/",
                            null,
                            0,
                            attributes.lastModifiedTime()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Path source = file;
                    long size = attributes.size();
                    if (attributes.isSymbolicLink()) {
                        source = linkedFile(realRoot, file);
                        if (source == null) {
                            return FileVisitResult.CONTINUE;
                        }
                        size = Files.size(source);
                    } else if (attributes.isDirectory()) {
                        // Only at MAX_DEPTH: the walk reports the folder as a file instead of entering it.
                        throw new InvalidException("path", "the folder is nested deeper than " + MAX_DEPTH + " levels");
                    } else if (!attributes.isRegularFile()) {
                        return FileVisitResult.CONTINUE; // Sockets, pipes and devices have no content to archive.
                    }
                    bytes[0] += size;
                    add(new Item(name + "/" + top.relativize(file), source, size, attributes.lastModifiedTime()));
                    return FileVisitResult.CONTINUE;
                }

                private void add(Item item) {
                    items.add(item);
                    if (items.size() > maxEntries || bytes[0] > maxBytes) {
                        throw new PayloadTooLargeException(
                                "ZIP_TOO_LARGE",
                                "the folder holds more than "
                                        + (items.size() > maxEntries
                                                ? maxEntries + " files and folders"
                                                : maxBytes + " bytes")
                                        + ", the zip download limit: download a smaller folder");
                    }
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // Unreadable (or gone meanwhile): left out, as git would.
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw LocalWorkspaceFiles.failure(e, folder);
        }
        return new FolderZip(realRoot, name, List.copyOf(items), bytes[0], maxBytes);
    }

    /** The regular file inside the project a link leads to; null for links out, to folders, or dangling. */
    private static Path linkedFile(Path realRoot, Path link) {
        try {
            Path real = link.toRealPath();
            return inside(realRoot, real) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException dangling) {
            return null;
        }
    }

    private static boolean inside(Path realRoot, Path real) {
        try {
            Confined.inside(realRoot, real);
            return true;
        } catch (ForbiddenException out) {
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int entries() {
        return items.size();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long budget = maxBytes;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // Speed over size: the archive is made while the browser waits, on a shared machine.
            zip.setLevel(Deflater.BEST_SPEED);
            for (Item item : items) {
                if (item.folder()) {
                    zip.putNextEntry(entry(item));
                    zip.closeEntry();
                    continue;
                }
                InputStream in = open(item.source());
                if (in == null) {
                    continue;
                }
                try (in) {
                    zip.putNextEntry(entry(item));
                    budget -= copy(in, zip, budget);
                    zip.closeEntry();
                }
            }
        }
    }

    /**
     * The file as it is now: still inside the project once its links are resolved (a folder on
     * the way swapped for a link out since the plan is left out), never a link at its last element.
     */
    private InputStream open(Path source) {
        try {
            Path real = source.toRealPath();
            if (!inside(realRoot, real) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            return Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return null;
        }
    }

    private static ZipEntry entry(Item item) {
        ZipEntry entry = new ZipEntry(item.name());
        entry.setLastModifiedTime(item.modified());
        return entry;
    }

    /** Copies at most {@code budget} bytes; more means the folder grew past the cap since it was planned. */
    private static long copy(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            copied += n;
            if (copied > budget) {
                throw new IOException("the folder grew past the zip limit while it was being sent");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }
}
