package dev.ccui.adapters.process.workspace.files;

import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.files.IncomingFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploads written into a project: every target checked before the first byte is written (an
 * existing file without {@code overwrite}, a folder where a file goes, a file where a folder
 * goes), then each file written beside its target and renamed into place. Folders on the way are
 * walked one element at a time, each resolved and confined, as for any path of the files API.
 */
final class UploadWriter {
    private UploadWriter() {}

    static List<String> upload(Path realRoot, List<IncomingFile> files, boolean overwrite) {
        List<String> conflicts = new ArrayList<>();
        for (IncomingFile file : files) {
            if (!fits(realRoot, file.path(), overwrite)) {
                conflicts.add(file.path().toString());
            }
        }
        if (!conflicts.isEmpty()) {
            throw conflict(conflicts);
        }
        List<String> written = new ArrayList<>();
        for (IncomingFile file : files) {
            write(realRoot, file, overwrite);
            written.add(file.path().toString());
        }
        return written;
    }

    /** Whether the file can go where it is meant to; refuses (403) whatever would lead out of the project. */
    private static boolean fits(Path realRoot, RelativePath path, boolean overwrite) {
        Confined.changeable(realRoot, realRoot.resolve(path.toString()));
        Path current = realRoot;
        for (String segment : path.parent().segments()) {
            Path next = current.resolve(segment);
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return true; // The rest of the way is created, so nothing below is in the way.
            }
            current = resolved(realRoot, next);
            if (!Files.isDirectory(current)) {
                return false;
            }
        }
        Path target = current.resolve(path.name());
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Path real = Confined.changeable(realRoot, resolved(realRoot, target));
        return overwrite && Files.isRegularFile(real);
    }

    /** An existing element, links followed and the result confined (403 when a link leads out). */
    private static Path resolved(Path realRoot, Path element) {
        if (!Files.isSymbolicLink(element)) {
            return element;
        }
        try {
            return Confined.inside(realRoot, element.toRealPath());
        } catch (IOException dangling) {
            // Where it would point is what matters: a dangling link out of the project is still out.
            try {
                Confined.inside(
                        realRoot,
                        element.getParent()
                                .resolve(Files.readSymbolicLink(element))
                                .normalize());
            } catch (IOException unreadable) {
                throw new ForbiddenException("PATH_OUTSIDE_PROJECT", "the path must stay inside the project");
            }
            return element;
        }
    }

    private static void write(Path realRoot, IncomingFile file, boolean overwrite) {
        RelativePath path = file.path();
        try {
            Path folder = folders(realRoot, path.parent());
            Path target = Confined.changeable(realRoot, folder.resolve(path.name()));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path real = Confined.changeable(realRoot, resolved(realRoot, target));
                if (!overwrite || !Files.isRegularFile(real)) {
                    throw conflict(List.of(path.toString()));
                }
                try (InputStream in = file.content().open()) {
                    LocalWorkspaceFiles.replaceAtomically(real, in);
                }
                return;
            }
            Path temp = Files.createTempFile(folder, "." + path.name() + ".", ".ccui-upload");
            try {
                try (InputStream in = file.content().open();
                        FileChannel channel =
                                FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    in.transferTo(out);
                    out.flush();
                    channel.force(true);
                }
                // Not replacing: a file that appeared meanwhile is a conflict, never overwritten.
                Files.move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException raced) {
            throw conflict(List.of(path.toString()));
        } catch (IOException e) {
            throw LocalWorkspaceFiles.failure(e, path);
        }
    }

    /** The folder, created element by element where missing, each existing one resolved and confined. */
    private static Path folders(Path realRoot, RelativePath folder) throws IOException {
        Path current = realRoot;
        for (String segment : folder.segments()) {
            Path next = Confined.changeable(realRoot, current.resolve(segment));
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(next);
                } catch (FileAlreadyExistsException raced) {
                    // Made by someone else meanwhile: resolved and checked below like any folder.
                }
            }
            current = resolved(realRoot, next);
            if (!Files.isDirectory(current)) {
                throw conflict(List.of(folder.toString()));
            }
        }
        return current;
    }

    private static ConflictException conflict(List<String> paths) {
        return new ConflictException(
                "UPLOAD_CONFLICT",
                (paths.size() == 1 ? "already there: " : paths.size() + " already there: ")
                        + String.join(", ", paths.subList(0, Math.min(paths.size(), 20)))
                        + (paths.size() > 20 ? ", …" : "")
                        + " (upload again with overwrite to replace files; folders are never replaced)",
                paths);
    }
}
