package dev.ccui.adapters.persistence;

import dev.ccui.adapters.persistence.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database a repository contract runs on, as a field
 * ({@code @RegisterExtension final OpenDatabase db = new OpenDatabase(this::open)}), so that a
 * contract class shared with the in-memory fakes can still run on SQLite and PostgreSQL: opened
 * on first use (a contract's own set-up may need it), closed and its folder deleted after each test.
 */
public final class OpenDatabase implements AfterEachCallback {
    private final Function<Path, TestDatabases.Opened> opener;
    private Path folder;
    private TestDatabases.Opened opened;

    public OpenDatabase(Function<Path, TestDatabases.Opened> opener) {
        this.opener = opener;
    }

    public Database database() {
        if (opened == null) {
            try {
                folder = Files.createTempDirectory("ccui-contract");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            opened = opener.apply(folder);
        }
        return opened.database();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (opened != null) {
            opened.close();
            opened = null;
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            folder = null;
        }
    }
}
