package dev.ccui.application.history;

import dev.ccui.application.testing.InMemoryStores;

/** The in-memory session index the use-case tests use, held to the databases' contract. */
class InMemorySessionIndexTest extends SessionIndexContract {
    @Override
    protected Ports ports() {
        InMemoryStores stores = new InMemoryStores();
        return new Ports(stores.sessions, stores.sessions, stores.sessions, stores.sessions, stores.projects);
    }
}
