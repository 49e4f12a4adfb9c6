package dev.ccui.application.testing;

/**
 * The in-memory out-ports over one store, linked as the database links its tables: deleting a
 * user takes their API keys and tokens with them and orphans their projects; project overviews
 * count the sessions of this index.
 */
public final class InMemoryStores {
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemoryAuthTokenRepository tokens = new InMemoryAuthTokenRepository();
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    public final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    public final InMemorySessionIndex sessions = new InMemorySessionIndex();
    public final InMemoryProjectRepository projects = new InMemoryProjectRepository(sessions);
    public final InMemoryMaintenanceStore maintenance = new InMemoryMaintenanceStore();

    public InMemoryStores() {
        users.onDelete(apiKeys::userDeleted);
        users.onDelete(tokens::userDeleted);
        users.onDelete(projects::userDeleted);
    }
}
