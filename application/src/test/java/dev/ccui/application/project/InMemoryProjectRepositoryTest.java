package dev.ccui.application.project;

import dev.ccui.application.testing.InMemoryStores;

/** The in-memory project repository the use-case tests use, held to the databases' contract. */
class InMemoryProjectRepositoryTest extends ProjectRepositoryContract {
    @Override
    protected Ports ports() {
        InMemoryStores stores = new InMemoryStores();
        return new Ports(stores.projects, stores.users, stores.sessions, stores.sessions);
    }
}
