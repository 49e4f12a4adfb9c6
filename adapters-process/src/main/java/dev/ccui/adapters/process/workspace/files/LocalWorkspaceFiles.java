package dev.ccui.adapters.process.workspace.files;

import dev.ccui.adapters.process.workspace.git.GitRunner;
import dev.ccui.application.workspace.files.port.out.WorkspaceFiles;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
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
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link WorkspaceFiles} on the local file system. */
public final class LocalWorkspaceFiles implements WorkspaceFiles {
    /** Names read from one folder before giving up on sorting all of them. */
    private static final int MAX_SCANNED = 200_000;

    private static final Comparator<FileEntry> ORDER = Comparator.comparing(
                    (FileEntry e) -> e.type() != FileEntry.Type.DIRECTORY)
            .thenComparing(FileEntry::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(FileEntry::name);

    private final GitRunner git;
    private final Object[] locks = new Object[64];

    public LocalWorkspaceFiles(GitRunner git) {
        this.git = git;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public FileListing list(Path root, RelativePath directory, boolean respectGitignore, int limit) {
        Path realRoot = Confined.realRoot(root);
        Path folder = Confined.existing(realRoot, directory);
        if (!Files.isDirectory(folder)) {
            throw new InvalidException("path", "not a folder: " + directory);
        }
        List<FileEntry> entries = new ArrayList<>();
        boolean truncated = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path child : stream) {
                if (entries.size() >= MAX_SCANNED) {
                    truncated = true;
                    break;
                }
                entries.add(entry(directory, child));
            }
        } catch (IOException e) {
            throw failure(e, directory);
        }
        if (respectGitignore) {
            entries = withoutIgnored(realRoot, directory, entries);
        }
        entries.sort(ORDER);
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            truncated = true;
        }
        return new FileListing(directory.toString(), entries, truncated);
    }

    private static FileEntry entry(RelativePath directory, Path child) throws IOException {
        String name = child.getFileName().toString();
        String path = directory.isRoot() ? name : directory + "/" + name;
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            FileEntry.Type type = attributes.isSymbolicLink()
                    ? FileEntry.Type.SYMLINK
                    : attributes.isDirectory() ? FileEntry.Type.DIRECTORY : FileEntry.Type.FILE;
            return new FileEntry(
                    name,
                    path,
                    type,
                    type == FileEntry.Type.FILE ? attributes.size() : 0,
                    attributes.lastModifiedTime().toInstant());
        } catch (NoSuchFileException gone) {
            return new FileEntry(name, path, FileEntry.Type.FILE, 0, null);
        }
    }

    private List<FileEntry> withoutIgnored(Path realRoot, RelativePath directory, List<FileEntry> entries) {
        List<FileEntry> visible =
                entries.stream().filter(e -> !e.name().equals(".git")).toList();
        if (visible.isEmpty()) {
            return new ArrayList<>(visible);
        }
        Set<String> ignored = ignoredByGit(realRoot, visible);
        if (ignored == null) {
            GitignoreRules rules = GitignoreRules.load(realRoot, directory);
            return new ArrayList<>(visible.stream()
                    .filter(e -> !rules.ignored(e.path(), e.type() == FileEntry.Type.DIRECTORY))
                    .toList());
        }
        return new ArrayList<>(
                visible.stream().filter(e -> !ignored.contains(e.path())).toList());
    }

    /** {@code git check-ignore} on the entries; null when the folder is not in a work tree. */
    private Set<String> ignoredByGit(Path realRoot, List<FileEntry> entries) {
        StringBuilder input = new StringBuilder();
        for (FileEntry entry : entries) {
            input.append(entry.path()).append('\0');
        }
        GitRunner.Result result;
        try {
            result = git.run(
                    realRoot,
                    List.of("check-ignore", "--stdin", "-z"),
                    input.toString().getBytes(StandardCharsets.UTF_8),
                    64 * 1024 * 1024,
                    Map.of());
        } catch (RuntimeException noGit) {
            return null;
        }
        if (result.exitCode() > 1) {
            return null;
        }
        Set<String> ignored = new HashSet<>();
        for (String path : result.out().split("\0")) {
            if (!path.isEmpty()) {
                ignored.add(path);
            }
        }
        return ignored;
    }

    @Override
    public FileContent read(Path root, RelativePath file, long maxBytes) {
        Path realRoot = Confined.realRoot(root);
        Path real = regularFile(realRoot, file);
        try {
            long size = Files.size(real);
            if (size > maxBytes) {
                byte[] head = head(real);
                boolean binary = TextDetection.looksBinary(head);
                return new FileContent(
                        file.toString(),
                        null,
                        null,
                        null,
                        size,
                        binary,
                        TextDetection.mediaType(file.name(), head, !binary),
                        true);
            }
            byte[] bytes = Files.readAllBytes(real);
            String sha = sha256(bytes);
            TextDetection.Decoded text = TextDetection.decode(bytes);
            String mediaType = TextDetection.mediaType(file.name(), bytes, text != null);
            if (text != null && !TextDetection.previewable(mediaType)) {
                return new FileContent(
                        file.toString(), text.encoding(), text.text(), sha, bytes.length, false, mediaType, false);
            }
            if (TextDetection.previewable(mediaType)) {
                return new FileContent(
                        file.toString(),
                        "base64",
                        Base64.getEncoder().encodeToString(bytes),
                        sha,
                        bytes.length,
                        true,
                        mediaType,
                        false);
            }
            return new FileContent(file.toString(), null, null, sha, bytes.length, true, mediaType, false);
        } catch (IOException e) {
            throw failure(e, file);
        }
    }

    @Override
    public FileDownload open(Path root, RelativePath file) {
        Path realRoot = Confined.realRoot(root);
        Path real = regularFile(realRoot, file);
        try {
            byte[] head = head(real);
            return new FileDownload(
                    file.name(),
                    Files.size(real),
                    TextDetection.mediaType(file.name(), head, !TextDetection.looksBinary(head)),
                    Files.newInputStream(real));
        } catch (IOException e) {
            throw failure(e, file);
        }
    }

    @Override
    public String write(Path root, RelativePath file, byte[] content, String baseSha) {
        Path realRoot = Confined.realRoot(root);
        Path real = Confined.changeable(realRoot, regularFile(realRoot, file));
        synchronized (locks[Math.floorMod(real.hashCode(), locks.length)]) {
            try {
                if (baseSha != null) {
                    String current = sha256(Files.readAllBytes(real));
                    if (!current.equals(baseSha)) {
                        throw new ConflictException(
                                "FILE_CHANGED",
                                "the file changed since it was read: reload it, then apply your changes again");
                    }
                }
                replaceAtomically(real, content);
                return sha256(content);
            } catch (IOException e) {
                throw failure(e, file);
            }
        }
    }

    /** A temp file beside the target, written, synced, given the target's mode, then renamed over it. */
    private static void replaceAtomically(Path target, byte[] content) throws IOException {
        replaceAtomically(target, new ByteArrayInputStream(content));
    }

    static void replaceAtomically(Path target, InputStream content) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".ccui-tmp");
        try {
            try (FileChannel channel =
                            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, mode);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String create(Path root, RelativePath path, byte[] content, boolean directory) {
        Path realRoot = Confined.realRoot(root);
        Path fresh = Confined.changeable(realRoot, Confined.fresh(realRoot, path));
        try {
            if (directory) {
                Files.createDirectory(fresh);
            } else {
                Files.write(fresh, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            return sha256(directory ? new byte[0] : content);
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("ALREADY_EXISTS", "something named " + path + " already exists");
        } catch (IOException e) {
            throw failure(e, path);
        }
    }

    @Override
    public void delete(Path root, RelativePath path, boolean recursive) {
        Path realRoot = Confined.realRoot(root);
        Path entry = Confined.changeable(realRoot, Confined.entry(realRoot, path));
        try {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (!recursive) {
                    throw new InvalidException("recursive", "this is a folder: delete it with recursive=true");
                }
                deleteTree(entry);
            } else {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw failure(e, path);
        }
    }

    /** Depth first; links are removed as links (the walk never follows them). */
    private static void deleteTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void move(Path root, RelativePath from, RelativePath to) {
        Path realRoot = Confined.realRoot(root);
        Path source = Confined.changeable(realRoot, Confined.entry(realRoot, from));
        Path target = Confined.changeable(realRoot, Confined.fresh(realRoot, to));
        if (target.startsWith(source)) {
            throw new InvalidException("to", "a folder cannot be moved into itself");
        }
        try {
            Files.move(source, target, LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("ALREADY_EXISTS", "something named " + to + " already exists");
        } catch (IOException e) {
            throw failure(e, from);
        }
    }

    @Override
    public List<String> upload(Path root, List<IncomingFile> files, boolean overwrite) {
        Path realRoot = Confined.realRoot(root);
        // One upload at a time per project: two drops of the same names never interleave their checks.
        synchronized (locks[Math.floorMod(realRoot.hashCode(), locks.length)]) {
            return UploadWriter.upload(realRoot, files, overwrite);
        }
    }

    @Override
    public FolderArchive zip(Path root, RelativePath folder, long maxBytes, int maxEntries) {
        Path realRoot = Confined.realRoot(root);
        return FolderZip.plan(realRoot, folder, maxBytes, maxEntries);
    }

    private static Path regularFile(Path realRoot, RelativePath file) {
        Path real = Confined.existing(realRoot, file);
        if (Files.isDirectory(real)) {
            throw new InvalidException("path", "this is a folder, not a file: " + file);
        }
        if (!Files.isRegularFile(real)) {
            throw new InvalidException("path", "not a regular file (a device, socket or pipe): " + file);
        }
        return real;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8192);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static RuntimeException failure(IOException e, RelativePath path) {
        return switch (e) {
            case AccessDeniedException denied ->
                new ForbiddenException("FILE_ACCESS_DENIED", "the server may not access " + path);
            case NoSuchFileException missing -> new NotFoundException("no such file or folder: " + path);
            case DirectoryNotEmptyException notEmpty ->
                new ConflictException("FOLDER_NOT_EMPTY", "the folder is not empty: " + path);
            case FileAlreadyExistsException exists ->
                new ConflictException("ALREADY_EXISTS", "already exists: " + path);
            default ->
                new ConflictException(
                        "FILE_OPERATION_FAILED",
                        "the file operation on " + path + " failed: "
                                + e.getClass()
                                        .getSimpleName()
                                        .replace("Exception", "")
                                        .replace("FileSystem", "file system"));
        };
    }
}
