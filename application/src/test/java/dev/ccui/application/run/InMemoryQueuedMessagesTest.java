package dev.ccui.application.run;

import dev.ccui.application.run.port.out.QueuedMessages;
import dev.ccui.application.testing.InMemoryQueuedMessages;

/** The in-memory queue the use-case tests use, held to the databases' contract. */
class InMemoryQueuedMessagesTest extends QueuedMessagesContract {
    @Override
    protected QueuedMessages queue() {
        return new InMemoryQueuedMessages();
    }
}
