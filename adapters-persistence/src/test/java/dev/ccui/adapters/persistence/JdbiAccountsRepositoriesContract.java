package dev.ccui.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.apikey.JdbiApiKeyRepository;
import dev.ccui.adapters.persistence.audit.JdbiAuditRepository;
import dev.ccui.adapters.persistence.auth.JdbiAuthTokenRepository;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.health.DatabaseHealthProbe;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.user.AccountsRepositoriesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account repositories' contract on a database (subclasses say which), and the database's health probe. */
abstract class JdbiAccountsRepositoriesContract extends AccountsRepositoriesContract {
    @RegisterExtension
    final OpenDatabase db = new OpenDatabase(this::open);

    protected abstract TestDatabases.Opened open(Path folder);

    @Override
    protected Ports ports() {
        Database database = db.database();
        return new Ports(
                new JdbiUserRepository(database.jdbi()),
                new JdbiApiKeyRepository(database.jdbi()),
                new JdbiAuthTokenRepository(database.jdbi()),
                new JdbiAuditRepository(database.jdbi()));
    }

    @Test
    void healthProbeReportsTheRoundTrip() {
        var result = new DatabaseHealthProbe(db.database()).check();
        assertThat(result.status()).isEqualTo("up");
        assertThat(result.latencyMs()).isNotNull();
    }
}
