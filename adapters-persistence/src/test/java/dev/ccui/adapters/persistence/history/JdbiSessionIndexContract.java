package dev.ccui.adapters.persistence.history;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.project.JdbiFolderSessions;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.application.history.SessionIndexContract;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session index contract on a database; subclasses say which. */
abstract class JdbiSessionIndexContract extends SessionIndexContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected Ports ports() {
        Database database = db.database();
        return new Ports(
                new JdbiSessionIndexWriter(database),
                new JdbiSessionIndexQuery(database),
                new JdbiSessionMarks(database),
                new JdbiFolderSessions(database),
                new JdbiProjectRepository(database.jdbi()));
    }
}
