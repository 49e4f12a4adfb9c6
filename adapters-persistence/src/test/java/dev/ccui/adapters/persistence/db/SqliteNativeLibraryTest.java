package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    @TempDir
    Path dataDir;

    /** The properties are the JVM's: what one test set must not point later ones at a deleted folder. */
    @AfterEach
    void clearProperties() {
        System.clearProperty(PATH);
        System.clearProperty(NAME);
    }

    @Test
    void copiesTheDriversLibraryOnceAndNamesItToTheDriver() throws Exception {
        SqliteNativeLibrary.keepIn(dataDir);

        Path folder = Path.of(System.getProperty(PATH));
        Path library = folder.resolve(System.getProperty(NAME));
        assertThat(folder).startsWith(dataDir.resolve("native"));
        assertThat(folder.getFileName().toString()).startsWith("sqlite-jdbc-").contains("Linux");
        try (InputStream shipped = getClass()
                .getResourceAsStream(
                        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(library)).isEqualTo(shipped.readAllBytes());
        }
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(library); // no partial copy left beside it
        }

        FileTime before = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, before);
        clearProperties();
        SqliteNativeLibrary.keepIn(dataDir);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(before);
        assertThat(System.getProperty(PATH)).isEqualTo(folder.toString());
    }

    @Test
    void laterStartsFindTheFolderByWhatTheFirstWroteForThisPlatform() throws Exception {
        SqliteNativeLibrary.keepIn(dataDir);
        String folder = System.getProperty(PATH);
        Path known;
        try (var entries = Files.list(dataDir.resolve("native"))) {
            known = entries.filter(p -> p.toString().endsWith(".platform"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(known.getFileName().toString())
                .contains(System.getProperty("os.name"))
                .contains(System.getProperty("os.arch"));
        assertThat(Files.readString(known))
                .isEqualTo(Path.of(folder).getFileName().toString());

        // Written by hand to point elsewhere: the data dir itself, a folder beside native/, a link out
        // of it (each holding a library) or a folder without the library is not taken; the
        // platform is looked at again and the right folder named.
        Path outside = Files.createDirectories(dataDir.resolve("outside"));
        Path library = Path.of(folder).resolve(System.getProperty(NAME));
        Files.copy(library, outside.resolve(library.getFileName()));
        Files.copy(library, dataDir.resolve(library.getFileName()));
        Files.createSymbolicLink(dataDir.resolve("native").resolve("sqlite-jdbc-9.9.9-Linux-link"), outside);
        for (String elsewhere :
                new String[] {"..", "../outside", "sqlite-jdbc-9.9.9-Linux-link", "sqlite-jdbc-empty"}) {
            Files.createDirectories(dataDir.resolve("native").resolve(elsewhere));
            Files.writeString(known, elsewhere);
            clearProperties();
            SqliteNativeLibrary.keepIn(dataDir);
            assertThat(System.getProperty(PATH)).isEqualTo(folder);
            assertThat(Files.readString(known))
                    .isEqualTo(Path.of(folder).getFileName().toString());
        }
    }

    @Test
    void leavesAnOperatorsOwnChoiceAlone() {
        System.setProperty(PATH, "/opt/sqlite");

        SqliteNativeLibrary.keepIn(dataDir);

        assertThat(System.getProperty(PATH)).isEqualTo("/opt/sqlite");
        assertThat(System.getProperty(NAME)).isNull();
        assertThat(dataDir.resolve("native")).doesNotExist();
    }

    @Test
    void aDataDirItCannotWriteLeavesTheDriverToItsOwnWay() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");

        SqliteNativeLibrary.keepIn(notADirectory);

        assertThat(System.getProperty(PATH)).isNull();
        assertThat(System.getProperty(NAME)).isNull();
    }
}
