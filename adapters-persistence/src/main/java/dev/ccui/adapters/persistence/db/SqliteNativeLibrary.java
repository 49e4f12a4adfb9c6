package dev.ccui.adapters.persistence.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library in the data dir, once per driver version and platform, and points
 * the driver at it. Left to itself the driver copies the library out of the jar into the temp dir
 * and compares the copy byte by byte on every start: 70 ms of a warm start that is otherwise well
 * under a second. The data dir is its owner's only, as the temp dir is not. When anything here
 * fails, or the operator set the driver's own properties, the driver does as it always did (and
 * it also falls back to its own copy when the kept library cannot be loaded).
 */
public final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    /** The folders {@link #keepIn} makes: {@code sqlite-jdbc-<version>-<platform>}. */
    private static final Pattern KEPT_FOLDER = Pattern.compile("sqlite-jdbc-[0-9.]+-[A-Za-z0-9_-]+");

    private SqliteNativeLibrary() {}

    /** Copies the library into {@code dataDir/native/…} unless it is there, then names it to the driver. */
    public static void keepIn(Path dataDir) {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
            return;
        }
        try {
            Path natives = dataDir.resolve("native");
            // The driver's look at the platform starts a process (uname, to tell Termux apart):
            // 40 ms of every start. What it found is kept beside the library, for this JVM's
            // os.name and os.arch, and read back on later starts.
            Path known = natives.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "."
                    + System.getProperty("os.name") + "-" + System.getProperty("os.arch") + ".platform");
            String name = LibraryLoaderUtil.getNativeLibName();
            Path folder = keptFolder(natives, known, name);
            if (folder == null) {
                // "/org/sqlite/native/Linux/x86_64": the platform is part of the folder, so a data
                // dir moved to another kind of machine gets its own copy.
                String resource = LibraryLoaderUtil.getNativeLibResourcePath();
                String platform = resource.substring(resource.indexOf("/native/") + "/native/".length())
                        .replace('/', '-');
                folder = natives.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform);
                Path library = folder.resolve(name);
                if (!Files.isRegularFile(library)) {
                    Files.createDirectories(folder);
                    if (!ResourceFiles.placeIfAbsent(resource + "/" + name, library) && !Files.isRegularFile(library)) {
                        throw new IOException("no " + resource + "/" + name + " in the driver");
                    }
                }
                remember(known, folder);
            }
            System.setProperty(PATH, folder.toString());
            System.setProperty(NAME, name);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug(
                    "keeping SQLite's native library in {} failed, the driver copies it itself: {}",
                    dataDir,
                    e.toString());
        }
    }

    /**
     * The folder a start on this platform kept the library in, when it is still there; else null.
     * Only a name this class gives a folder is taken, and only a real folder directly in {@code
     * natives} (no {@code ..}, no link out).
     */
    private static Path keptFolder(Path natives, Path known, String name) {
        try {
            String kept = Files.readString(known).strip();
            if (!KEPT_FOLDER.matcher(kept).matches()) {
                return null;
            }
            Path folder = natives.resolve(kept);
            Path real = folder.toRealPath();
            return real.getParent().equals(natives.toRealPath()) && Files.isRegularFile(real.resolve(name))
                    ? folder
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes down the folder for the next start; a start that cannot still has its library. */
    private static void remember(Path known, Path folder) {
        try {
            Files.writeString(known, folder.getFileName().toString());
        } catch (IOException e) {
            LOG.debug("could not note SQLite's platform in {}: {}", known, e.toString());
        }
    }
}
