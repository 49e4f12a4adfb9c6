package dev.ccui.adapters.persistence.project;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.history.JdbiSessionIndexWriter;
import dev.ccui.adapters.persistence.history.JdbiSessionMarks;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.project.ProjectRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The project repository contract on a database; subclasses say which. */
abstract class JdbiProjectRepositoryContract extends ProjectRepositoryContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected Ports ports() {
        Database database = db.database();
        return new Ports(
                new JdbiProjectRepository(database.jdbi()),
                new JdbiUserRepository(database.jdbi()),
                new JdbiSessionIndexWriter(database),
                new JdbiSessionMarks(database));
    }
}
