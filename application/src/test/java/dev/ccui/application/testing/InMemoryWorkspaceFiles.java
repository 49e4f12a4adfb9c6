package dev.ccui.application.testing;

import dev.ccui.application.workspace.files.port.out.WorkspaceFiles;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.FileContent;
import dev.ccui.domain.workspace.files.FileDownload;
import dev.ccui.domain.workspace.files.FileEntry;
import dev.ccui.domain.workspace.files.FileListing;
import dev.ccui.domain.workspace.files.FolderArchive;
import dev.ccui.domain.workspace.files.IncomingFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Project folders in memory, keyed by their root, with the port's contract: SHA-256 of the
 * content, a write with a stale {@code baseSha} refused ({@code 409 FILE_CHANGED}), creates and
 * moves never replacing anything ({@code 409 ALREADY_EXISTS}), missing files 404. Text is UTF-8.
 */
public final class InMemoryWorkspaceFiles implements WorkspaceFiles {
    /** Per root: path → content, {@code null} for a folder. */
    private final Map<Path, Map<String, byte[]>> roots = new ConcurrentHashMap<>();

    /** What is at {@code path} under {@code root}, as text; empty when nothing (or a folder) is there. */
    public Optional<String> text(Path root, String path) {
        return Optional.ofNullable(folder(root).get(path)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public boolean exists(Path root, String path) {
        return folder(root).containsKey(path);
    }

    private Map<String, byte[]> folder(Path root) {
        return roots.computeIfAbsent(root, r -> new TreeMap<>());
    }

    @Override
    public synchronized FileListing list(Path root, RelativePath directory, boolean respectGitignore, int limit) {
        String prefix = directory.isRoot() ? "" : directory + "/";
        List<FileEntry> entries = new ArrayList<>();
        folder(root).forEach((path, content) -> {
            if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
                entries.add(new FileEntry(
                        path.substring(prefix.length()),
                        path,
                        content == null ? FileEntry.Type.DIRECTORY : FileEntry.Type.FILE,
                        content == null ? 0 : content.length,
                        Instant.EPOCH));
            }
        });
        return new FileListing(
                directory.toString(), entries.stream().limit(limit).toList(), entries.size() > limit);
    }

    @Override
    public synchronized FileContent read(Path root, RelativePath file, long maxBytes) {
        byte[] content = file(root, file);
        boolean tooLarge = content.length > maxBytes;
        return new FileContent(
                file.toString(),
                tooLarge ? null : "utf-8",
                tooLarge ? null : new String(content, StandardCharsets.UTF_8),
                sha(content),
                content.length,
                false,
                "text/plain",
                tooLarge);
    }

    @Override
    public synchronized FileDownload open(Path root, RelativePath file) {
        byte[] content = file(root, file);
        return new FileDownload(file.name(), content.length, "text/plain", new ByteArrayInputStream(content));
    }

    @Override
    public synchronized String write(Path root, RelativePath file, byte[] content, String baseSha) {
        byte[] current = file(root, file);
        if (baseSha != null && !baseSha.equals(sha(current))) {
            throw new ConflictException("FILE_CHANGED", "the file changed since it was read");
        }
        folder(root).put(file.toString(), content.clone());
        return sha(content);
    }

    @Override
    public synchronized String create(Path root, RelativePath path, byte[] content, boolean directory) {
        if (folder(root).containsKey(path.toString())) {
            throw new ConflictException("ALREADY_EXISTS", "something named " + path + " already exists");
        }
        folder(root).put(path.toString(), directory ? null : content.clone());
        return sha(directory ? new byte[0] : content);
    }

    @Override
    public synchronized void delete(Path root, RelativePath path, boolean recursive) {
        String name = path.toString();
        if (!folder(root).containsKey(name)) {
            throw new NotFoundException("no such file or folder: " + path);
        }
        boolean hasChildren = folder(root).keySet().stream().anyMatch(p -> p.startsWith(name + "/"));
        if (hasChildren && !recursive) {
            throw new InvalidException("recursive", "this is a folder: delete it with recursive=true");
        }
        folder(root).keySet().removeIf(p -> p.equals(name) || p.startsWith(name + "/"));
    }

    @Override
    public synchronized void move(Path root, RelativePath from, RelativePath to) {
        byte[] content = file(root, from);
        if (folder(root).containsKey(to.toString())) {
            throw new ConflictException("ALREADY_EXISTS", "something named " + to + " already exists");
        }
        folder(root).remove(from.toString());
        folder(root).put(to.toString(), content);
    }

    @Override
    public synchronized List<String> upload(Path root, List<IncomingFile> files, boolean overwrite) {
        List<String> conflicts = new ArrayList<>();
        for (IncomingFile file : files) {
            String path = file.path().toString();
            if (folder(root).containsKey(path) && (!overwrite || folder(root).get(path) == null)) {
                conflicts.add(path);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException("UPLOAD_CONFLICT", "already there: " + String.join(", ", conflicts), conflicts);
        }
        List<String> written = new ArrayList<>();
        for (IncomingFile file : files) {
            try (InputStream in = file.content().open()) {
                folder(root).put(file.path().toString(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(file.path().toString());
        }
        return written;
    }

    @Override
    public synchronized FolderArchive zip(Path root, RelativePath folder, long maxBytes, int maxEntries) {
        String prefix = folder.isRoot() ? "" : folder + "/";
        Map<String, byte[]> inside = new TreeMap<>();
        folder(root).forEach((path, content) -> {
            if (path.startsWith(prefix) && content != null) {
                inside.put(path.substring(prefix.length()), content.clone());
            }
        });
        long bytes = inside.values().stream().mapToLong(c -> c.length).sum();
        if (bytes > maxBytes || inside.size() > maxEntries) {
            throw new dev.ccui.domain.error.PayloadTooLargeException("ZIP_TOO_LARGE", "too large to zip");
        }
        String name = folder.isRoot() ? root.getFileName().toString() : folder.name();
        return new FolderArchive() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int entries() {
                return inside.size();
            }

            @Override
            public long bytes() {
                return bytes;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (var entry : inside.entrySet()) {
                        zip.putNextEntry(new ZipEntry(name + "/" + entry.getKey()));
                        zip.write(entry.getValue());
                        zip.closeEntry();
                    }
                }
            }
        };
    }

    private byte[] file(Path root, RelativePath file) {
        byte[] content = folder(root).get(file.toString());
        if (content == null) {
            throw new NotFoundException("no such file: " + file);
        }
        return content;
    }

    public static String sha(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
