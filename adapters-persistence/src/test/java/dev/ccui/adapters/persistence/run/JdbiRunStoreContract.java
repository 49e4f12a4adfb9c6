package dev.ccui.adapters.persistence.run;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.application.run.RunStoreContract;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The run store contract on a database; subclasses say which. */
abstract class JdbiRunStoreContract extends RunStoreContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected Ports ports() {
        Jdbi jdbi = db.database().jdbi();
        return new Ports(new JdbiRunRepository(jdbi), new JdbiRunEventLog(jdbi), new JdbiNodeHeartbeats(jdbi));
    }
}
