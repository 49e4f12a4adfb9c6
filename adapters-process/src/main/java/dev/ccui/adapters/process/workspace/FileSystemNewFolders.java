package dev.ccui.adapters.process.workspace;

import dev.ccui.application.project.create.port.out.NewFolders;
import dev.ccui.domain.error.ConflictException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates new project folders (never an existing one) and removes those whose project could not be made. */
public final class FileSystemNewFolders implements NewFolders {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemNewFolders.class);

    @Override
    public Path create(Path parent, String name) {
        try {
            // createDirectory fails on anything already there, a symlink included: no race can redirect it.
            return Files.createDirectory(parent.resolve(name)).toRealPath();
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("FOLDER_EXISTS", "a file or folder of that name is already there");
        } catch (IOException e) {
            throw new ConflictException(
                    "FOLDER_NOT_CREATED",
                    "the folder cannot be created: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void deleteTree(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            // walkFileTree does not follow links by default: a link inside is deleted, never what it points at.
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("the half-made folder {} could not be removed entirely: {}", folder, e.toString());
        }
    }
}
