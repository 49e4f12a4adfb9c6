package dev.ccui.adapters.persistence.run;

import dev.ccui.adapters.persistence.OpenDatabase;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.application.run.QueuedMessagesContract;
import dev.ccui.application.run.port.out.QueuedMessages;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting-message store contract on a database; subclasses say which. */
abstract class JdbiQueuedMessagesContract extends QueuedMessagesContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected QueuedMessages queue() {
        return new JdbiQueuedMessages(db.database().jdbi());
    }
}
