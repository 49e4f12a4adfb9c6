package dev.ccui.adapters.persistence;

import dev.ccui.adapters.persistence.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of a repository contract that runs on the databases only (its port has no in-memory
 * fake): each subclass says which database it runs on. Contracts shared with the fakes live in
 * the application's test jar and hold an {@link OpenDatabase} themselves.
 */
public abstract class DatabaseContract {
    @RegisterExtension
    final OpenDatabase opened = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    protected Database database() {
        return opened.database();
    }
}
