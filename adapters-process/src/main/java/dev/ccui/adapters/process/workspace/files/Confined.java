package dev.ccui.adapters.process.workspace.files;

import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.PathConfinement;
import dev.ccui.domain.workspace.RelativePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolution of a {@link RelativePath} on disk with symlinks followed, and the confinement check
 * on the result: the real path of what is named (or, for something about to be created, of its
 * folder) must be inside the real project root.
 */
final class Confined {
    private Confined() {}

    static Path realRoot(Path root) {
        try {
            Path real = root.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IOException("not a directory");
            }
            return real;
        } catch (IOException | InvalidPathException e) {
            throw new NotFoundException("PROJECT_FOLDER_MISSING", "the project folder is missing on the server");
        }
    }

    /**
     * Something that exists, links followed all the way. Walked one element at a time, each
     * resolved and checked before the next, so a link out of the project is refused (403) whether
     * or not what lies beyond it exists: a 404 would tell what exists outside.
     */
    static Path existing(Path realRoot, RelativePath path) {
        Path current = realRoot;
        for (String segment : path.segments()) {
            Path next = lexical(current, segment);
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotFoundException("no such file or folder: " + path);
            }
            if (Files.isSymbolicLink(next)) {
                try {
                    current = inside(realRoot, next.toRealPath());
                } catch (IOException dangling) {
                    linkTarget(realRoot, current, next);
                    throw new NotFoundException("no such file or folder: " + path);
                }
            } else {
                current = next;
            }
        }
        return current;
    }

    /** Where a dangling link points, as far as it can be told without resolving it; refused when out. */
    private static void linkTarget(Path realRoot, Path folder, Path link) {
        try {
            inside(realRoot, folder.resolve(Files.readSymbolicLink(link)).normalize());
        } catch (IOException | InvalidPathException e) {
            throw new NotFoundException("no such file or folder");
        }
    }

    /**
     * The entry itself, its last element not followed: removing or renaming a link acts on the
     * link, never on its target. Its folder must resolve inside the root.
     */
    static Path entry(Path realRoot, RelativePath path) {
        Path folder = folder(realRoot, path);
        Path entry = lexical(folder, path.name());
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("no such file or folder: " + path);
        }
        return entry;
    }

    /** A name that does not exist yet, in a folder inside the root. */
    static Path fresh(Path realRoot, RelativePath path) {
        Path folder = folder(realRoot, path);
        Path entry = lexical(folder, path.name());
        if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConflictException("ALREADY_EXISTS", "something named " + path + " already exists");
        }
        return entry;
    }

    private static Path folder(Path realRoot, RelativePath path) {
        Path folder = existing(realRoot, path.parent());
        if (!Files.isDirectory(folder)) {
            throw new NotFoundException("no such folder: " + path.parent());
        }
        return folder;
    }

    static Path inside(Path realRoot, Path real) {
        if (!PathConfinement.isInside(realRoot, real)) {
            throw new ForbiddenException("PATH_OUTSIDE_PROJECT", "the path must stay inside the project");
        }
        return real;
    }

    private static Path lexical(Path folder, String segment) {
        try {
            Path resolved = folder.resolve(segment);
            if (!resolved.getParent().equals(folder)) {
                throw new InvalidPathException(segment, "not a single path element");
            }
            return resolved;
        } catch (InvalidPathException e) {
            throw new ForbiddenException("PATH_OUTSIDE_PROJECT", "the path must stay inside the project");
        }
    }

    /**
     * Refuses changes inside a {@code .git} folder: a hook or a config line written there would
     * make the next git action run a program, which is the terminal's job (and its scope), not
     * the file editor's.
     */
    static Path changeable(Path realRoot, Path real) {
        for (Path element : realRoot.relativize(real)) {
            if (element.toString().equalsIgnoreCase(".git")) {
                throw new ForbiddenException("GIT_DIRECTORY_PROTECTED", "files inside .git cannot be changed here");
            }
        }
        return real;
    }
}
